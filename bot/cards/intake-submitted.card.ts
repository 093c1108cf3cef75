import { z } from 'zod';
import template from '../../cards/intake-submitted.json';
import { noticeSchema } from './notice';
import { defineCard } from './card-template';
import { casusNumberSchema } from './restricted-text';

export const intakeSubmittedCard = defineCard(
  'intake-submitted',
  template,
  z.object({
    /** "Open casus" opens it, with the way back to "mijn casussen". */
    casusId: z.uuid(),
    casusNumber: casusNumberSchema,
    kamer: z.string(),
    /** Casusnummer, status, kamer, betrokkene, when and by whom: shown as literal text. */
    facts: z.array(z.object({ title: z.string(), value: z.string() })),
    notices: z.array(noticeSchema).max(1),
  }),
);
