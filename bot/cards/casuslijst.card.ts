import { z } from 'zod';
import template from '../../cards/casuslijst.json';
import { casusStateLabels } from '../presenters/casus-status';
import { defineCard } from './card-template';
import { casusNumberSchema, labelSchema } from './restricted-text';

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
            position: z.number().int().min(1),
            casusId: z.uuid(),
            casusNumber: casusNumberSchema,
            status: labelSchema(casusStateLabels),
            score: z.number(),
            reasons: z.string(),
          }),
        ),
      }),
    ),
  }),
);
