import { z } from 'zod';
import template from '../../cards/contactpunt.json';
import { defineCard } from './card-template';
import { listStateLabels } from './casuslijst.card';
import { noticeSchema } from './notice';
import { casusNumberSchema, labelSchema } from './restricted-text';
import { zeroOrOne } from './schema-parts';

/** As many casussen as one search returns (`MAX_CASUSSEN_OF_BETROKKENE`). */
const MAX_ROWS = 50;

/**
 * The contactpunt's card (BGS art. 1.1): find every casus of one betrokkene by BSN or by name and
 * date of birth, with the inzage links and, per casus, a correction or a bezwaar/wissing. It shows
 * number, kamer, state and dates of each casus, never what the intake says.
 */
export const contactpuntCard = defineCard(
  'contactpunt',
  template,
  z.object({
    notices: zeroOrOne(noticeSchema),
    answer: zeroOrOne(
      z.object({
        heading: z.string(),
        casussen: z
          .array(
            z.object({
              casusId: z.uuid(),
              revision: z.number().int().min(0),
              casusNumber: casusNumberSchema,
              status: labelSchema(listStateLabels),
              detail: z.string(),
            }),
          )
          .max(MAX_ROWS),
        notes: z.array(z.object({ text: z.string() })).max(2),
        inzage: zeroOrOne(z.object({ pdfUrl: z.url(), jsonUrl: z.url() })),
      }),
    ),
    bsn: z.string().max(20),
    naam: z.string().max(200),
    geboortedatum: z.string().max(10),
  }),
);
