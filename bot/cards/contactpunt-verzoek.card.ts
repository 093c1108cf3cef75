import { z } from 'zod';
import template from '../../cards/contactpunt-verzoek.json';
import { defineCard } from './card-template';
import { noticeSchema } from './notice';
import { casusNumberSchema } from './restricted-text';
import { zeroOrOne } from './schema-parts';

const target = { casusId: z.uuid(), revision: z.number().int().min(0) };

/**
 * A betrokkene's request on one casus, as the contactpunt records it: a correction
 * (rectificatie), or a bezwaar or erasure request with its decision; a granted erasure asks again
 * before it removes anything.
 */
export const contactpuntVerzoekCard = defineCard(
  'contactpunt-verzoek',
  template,
  z.object({
    casusNumber: casusNumberSchema,
    detail: z.string(),
    notices: zeroOrOne(noticeSchema),
    rectificatie: zeroOrOne(
      z.object({
        ...target,
        veld: z.enum(['', 'naam', 'geboortedatum', 'gemeente', 'bsn']),
        waarde: z.string().max(200),
        motivering: z.string().max(2000),
      }),
    ),
    bezwaar: zeroOrOne(
      z.object({
        ...target,
        soort: z.enum(['', 'bezwaar', 'wissing']),
        besluit: z.enum(['', 'toegewezen', 'afgewezen']),
        motivering: z.string().max(2000),
      }),
    ),
    confirm: zeroOrOne(z.object({ ...target, motivering: z.string().max(2000) })),
  }),
);
