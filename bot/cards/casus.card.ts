import { z } from 'zod';
import template from '../../cards/casus.json';
import { casusActionSchema } from '../../src/domain/casus/casus-machine';
import { casusStateShortLabels, eventLabels } from '../presenters/casus-status';
import { defineCard } from './card-template';
import { evidenceViewSchema } from './evidence-view';
import { casusNumberSchema, dateTimeTextSchema, labelSchema } from './restricted-text';

const zeroOrOne = <T extends z.ZodType>(item: T) => z.array(item).max(1);

/**
 * One card per casus, shown to everyone who may see it; each viewer gets their own view of it:
 * decision makers the buttons their role allows now, the worker an answer form when information is
 * asked, everyone else the status. `refreshUserIds` (≤ 60, a Teams limit) get their view on refresh.
 */
export const casusCardSchema = z.object({
  casusId: z.uuid(),
  revision: z.number().int().min(0),
  casusNumber: casusNumberSchema,
  status: labelSchema(casusStateShortLabels),
  kamer: z.string(),
  notices: zeroOrOne(
    z.object({ text: z.string(), style: z.enum(['good', 'warning', 'attention', 'accent']) }),
  ),
  /** What the decider typed, back in the input after a refusal, so it is not lost. */
  draftMotivation: z.string(),
  refreshUserIds: z.array(z.string()).max(60),
  facts: z.array(z.object({ title: z.string(), value: z.string() })),
  /** The intake's evidence (casus-evidence presenter), in view without a toggle. */
  evidence: zeroOrOne(evidenceViewSchema),
  criteria: z.array(
    z.object({
      number: z.number().int().min(1).max(4),
      explanation: z.string(),
      motivation: z.string(),
    }),
  ),
  timeline: z.array(
    z.object({
      what: labelSchema(eventLabels),
      when: dateTimeTextSchema,
      who: z.string(),
      motivations: zeroOrOne(z.object({ text: z.string() })),
    }),
  ),
  decide: zeroOrOne(z.object({ prompt: z.string() })),
  actions: z.array(
    z.object({
      title: z.string(),
      action: casusActionSchema,
      style: z.enum(['positive', 'destructive', 'default']),
    }),
  ),
  answer: zeroOrOne(z.object({ question: z.string() })),
  readonly: zeroOrOne(z.object({ text: z.string() })),
});

export const casusCard = defineCard('casus', template, casusCardSchema);
