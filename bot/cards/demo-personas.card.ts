import { z } from 'zod';
import template from '../../cards/demo-personas.json';
import { defineCard } from './card-template';

export const demoPersonasCard = defineCard(
  'demo-personas',
  template,
  z.object({
    current: z.string(),
    personas: z
      .array(
        z.object({ id: z.guid(), name: z.string(), roles: z.string(), organisation: z.string() }),
      )
      .min(1),
  }),
);
