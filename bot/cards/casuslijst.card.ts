import { z } from 'zod';
import { pagerSchema, zeroOrOne } from './schema-parts';
import template from '../../cards/casuslijst.json';
import type { CasusState } from '../../src/domain/casus/casus.schema';
import { casusStateLabels } from '../presenters/casus-status';
import { defineCard } from './card-template';
import { casusNumberSchema, labelSchema } from './restricted-text';

/** States as a list shows them: an escalated casus stays on its Lokale Kamer's list, "bij het ZVH". */
export const listStateLabels: Record<CasusState, string> = {
  ...casusStateLabels,
  opschaling_aangevraagd: 'Opschaling aangevraagd, bij het ZVH',
  in_behandeling_zvh: 'Bij het ZVH',
};

/** One page of the casuslijst: every page stays far below the card limit, however long the list. */
export const casuslijstCard = defineCard(
  'casuslijst',
  template,
  z.object({
    kamers: z.array(
      z.object({
        name: z.string(),
        criteria: z.string(),
        empty: zeroOrOne(z.object({})),
        rows: z.array(
          z.object({
            position: z.number().int().min(1),
            casusId: z.uuid(),
            casusNumber: casusNumberSchema,
            status: labelSchema(listStateLabels),
            score: z.number(),
            reasons: z.string(),
            /** The step's last day, in one of the two: passed (marked) or still running. */
            overdue: zeroOrOne(z.object({ text: z.string() })),
            due: zeroOrOne(z.object({ text: z.string() })),
            /** Where "Terug naar de lijst" on the opened casus leads: this page of this kamer. */
            kamerId: z.string(),
            page: z.number().int().min(1),
          }),
        ),
        truncated: zeroOrOne(z.object({ max: z.number().int().min(1) })),
        pager: zeroOrOne(pagerSchema({}, { kamerId: z.string(), page: z.number().int().min(1) })),
      }),
    ),
  }),
);
