import { z } from 'zod';
import template from '../../cards/intake-submitted.json';
import { defineCard } from './card-template';

export const intakeSubmittedCard = defineCard(
  'intake-submitted',
  template,
  z.object({
    casusNumber: z.string(),
    status: z.string(),
    kamer: z.string(),
    betrokkene: z.string(),
    submittedAt: z.string(),
    submittedBy: z.string(),
    notices: z.array(z.object({ text: z.string() })).max(1),
  }),
);
