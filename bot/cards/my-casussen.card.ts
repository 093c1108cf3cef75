import { z } from 'zod';
import template from '../../cards/my-casussen.json';
import { casusStateLabels } from '../presenters/casus-status';
import { defineCard } from './card-template';
import { casusNumberSchema, labelSchema } from './restricted-text';

export const myCasussenCard = defineCard(
  'my-casussen',
  template,
  z.object({
    empty: z.array(z.object({})).max(1),
    casussen: z.array(
      z.object({
        /** The casus number, or "Concept" before it has one. */
        title: casusNumberSchema.or(z.literal('Concept')),
        status: labelSchema(casusStateLabels),
        subtitle: z.string(),
        resume: z.array(z.object({ casusId: z.uuid(), label: z.string() })).max(1),
      }),
    ),
  }),
);
