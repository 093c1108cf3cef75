import { z } from 'zod';
import { zeroOrOne } from './schema-parts';
import template from '../../cards/casus-search.json';
import { listStateLabels } from './casuslijst.card';
import { noticeSchema } from './notice';
import { defineCard } from './card-template';
import { casusNumberSchema, labelSchema } from './restricted-text';

/**
 * Finding a casus: by number for everyone who may see casussen, by betrokkene (name and date of
 * birth) for deciders only. Shows the form again with what was asked, and what was found.
 */
export const casusSearchCard = defineCard(
  'casus-search',
  template,
  z.object({
    notices: zeroOrOne(noticeSchema),
    results: z
      .array(
        z.object({
          casusId: z.uuid(),
          casusNumber: casusNumberSchema,
          status: labelSchema(listStateLabels),
          detail: z.string(),
        }),
      )
      .max(20),
    casusNumber: z.string().max(40),
    naam: z.string().max(200),
    geboortedatum: z.string().max(10),
    byBetrokkene: zeroOrOne(z.object({})),
    backToCasuslijst: zeroOrOne(z.object({})),
  }),
);
