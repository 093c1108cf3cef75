import { z } from 'zod';
import template from '../../cards/casuslijst.json';
import { defineCard } from './card-template';

export const casuslijstCard = defineCard(
  'casuslijst',
  template,
  z.object({
    kamers: z.array(
      z.object({
        name: z.string(),
        criteria: z.string(),
        empty: z.array(z.object({})).max(1),
        rows: z.array(
          z.object({
            position: z.number(),
            casusId: z.uuid(),
            casusNumber: z.string(),
            status: z.string(),
            score: z.number(),
            reasons: z.string(),
          }),
        ),
      }),
    ),
  }),
);
