import { z } from 'zod';
import template from '../../cards/my-casussen.json';
import { defineCard } from './card-template';

export const myCasussenCard = defineCard(
  'my-casussen',
  template,
  z.object({
    empty: z.array(z.object({})).max(1),
    casussen: z.array(
      z.object({
        title: z.string(),
        status: z.string(),
        subtitle: z.string(),
        resume: z.array(z.object({ casusId: z.uuid(), label: z.string() })).max(1),
      }),
    ),
  }),
);
