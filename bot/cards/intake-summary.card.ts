import { z } from 'zod';
import template from '../../cards/intake-summary.json';
import { defineCard } from './card-template';

const zeroOrOne = <T extends z.ZodType>(item: T) => z.array(item).max(1);

export const intakeSummaryCard = defineCard(
  'intake-summary',
  template,
  z.object({
    casusId: z.uuid(),
    revision: z.number().int().min(0),
    notices: zeroOrOne(z.object({ text: z.string() })),
    betrokkene: z.string(),
    aanmeldroute: z.string(),
    kamer: z.string(),
    urgentie: z.string(),
    doorbraak: z.string(),
    incomplete: zeroOrOne(
      z.object({ step: z.string(), stepNumber: z.number(), stepTitle: z.string() }),
    ),
    criteria: z.array(
      z.object({
        number: z.number(),
        title: z.string(),
        status: z.string(),
        color: z.enum(['Good', 'Attention']),
        explanation: z.string(),
        /** What the worker wrote for this criterion, so they submit knowing what they said. */
        motivations: zeroOrOne(z.object({ text: z.string() })),
      }),
    ),
    passes: zeroOrOne(z.object({ kamer: z.string() })),
    fails: zeroOrOne(z.object({ failing: z.string() })),
    submit: zeroOrOne(z.object({ kamer: z.string() })),
    fix: zeroOrOne(z.object({ number: z.number(), step: z.string() })),
  }),
);
