import { z } from 'zod';
import { zeroOrOne } from './schema-parts';
import template from '../../cards/intake-summary.json';
import { noticeSchema } from './notice';
import { defineCard } from './card-template';
import { evidenceViewSchema } from './evidence-view';

const criterionNumber = z.number().int().min(1).max(4);

export const intakeSummaryCard = defineCard(
  'intake-summary',
  template,
  z.object({
    casusId: z.uuid(),
    revision: z.number().int().min(0),
    notices: zeroOrOne(noticeSchema),
    /** Betrokkene, route, kamer, urgentie, doorbraak: what was typed, shown as literal text. */
    facts: z.array(z.object({ title: z.string(), value: z.string() })),
    incomplete: zeroOrOne(
      z.object({
        step: z.string(),
        stepNumber: z.number().int().min(1).max(4),
        stepTitle: z.string(),
      }),
    ),
    criteria: z.array(
      z.object({
        number: criterionNumber,
        title: z.string(),
        status: z.enum(['Voldoet', 'Voldoet niet']),
        color: z.enum(['Default', 'Attention']),
        explanation: z.string(),
        /** What the worker wrote for this criterion, so they submit knowing what they said. */
        motivations: zeroOrOne(z.object({ text: z.string() })),
        /** A failing criterion's way back to its step (and from there straight back here). */
        fix: zeroOrOne(z.object({ number: criterionNumber, step: z.string() })),
      }),
    ),
    /** The same evidence block the casus card shows the deciders. */
    evidence: zeroOrOne(evidenceViewSchema),
    passes: zeroOrOne(z.object({ kamer: z.string() })),
    /** "criterium 3" or "de criteria 1, 2 en 3", in a bold line. */
    fails: zeroOrOne(
      z.object({
        failing: z.string().regex(/^(criterium [1-4]|de criteria [1-4](, [1-4])* en [1-4])$/),
      }),
    ),
    submit: zeroOrOne(z.object({ kamer: z.string() })),
  }),
);
