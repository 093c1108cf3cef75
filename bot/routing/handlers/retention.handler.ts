import { z } from 'zod';
import {
  decideRetention,
  type RetentionRefusal,
} from '../../../src/app/retention/decide-retention';
import { auditLineOf } from '../../../src/domain/casus/applied-activity';
import { MAX_TEXT, MIN_MOTIVATION } from '../../../src/domain/intake/intake.schema';
import {
  extensionMonthsSchema,
  retentionStepSchema,
} from '../../../src/domain/retention/retention-decision';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { describeEvent } from '../../presenters/casus-event';
import type { BackTo } from '../../presenters/casus.presenter';
import { verbRoute, type Turn } from '../route-types';
import { accessRefusal, cardFor, notFound } from './casus-cards';
import { blankAsAbsent, changedMeanwhile } from './decision.handler';
import { backToSchema } from './navigation.handler';

const refusals: Record<
  Exclude<RetentionRefusal['kind'], 'not-found' | 'not-authorised' | 'changed-meanwhile'>,
  string
> = {
  'not-possible-now':
    'Dit kan in deze stand van de bewaartermijn niet (meer). Er is niets gewijzigd.',
  'not-your-decision':
    'Over de bewaartermijn besluiten de procesregisseurs en weegtafelleden die over de casus besloten. Er is niets gewijzigd.',
  'motivation-too-short': `Geef een motivering van minstens ${MIN_MOTIVATION} tekens. Er is niets gewijzigd.`,
  'motivation-too-long': `Houd de motivering korter dan ${MAX_TEXT} tekens. Er is niets gewijzigd.`,
  busy: 'De casus werd op hetzelfde moment bijgewerkt. Er is niets gewijzigd; probeer het opnieuw.',
};

async function refusal(
  turn: Turn,
  reason: RetentionRefusal,
  motivation: string,
  backTo: BackTo | undefined,
): Promise<AdaptiveCardJson> {
  if (reason.kind === 'not-found' || reason.kind === 'not-authorised') return accessRefusal(reason);
  const kamer = await turn.services.registry.getKamer(reason.casus.kamerId ?? '');
  if (!kamer) return notFound();
  const changed = reason.kind === 'changed-meanwhile';
  return cardFor(turn, reason.casus, kamer, {
    notice: {
      text: changed ? changedMeanwhile(reason.casus) : refusals[reason.kind],
      style: changed || reason.kind === 'busy' ? 'warning' : 'attention',
    },
    retentionDraft: motivation,
    ...(backTo && { backTo }),
  });
}

export const retentionVerbRoutes = [
  verbRoute({
    // Extend the bewaartermijn, or set or lift a legal hold: one decision with its motivation.
    verb: 'casus.bewaartermijn',
    data: z.object({
      casusId: z.uuid(),
      revision: z.coerce.number().int().min(0),
      back: z.array(backToSchema).max(1).default([]),
      step: retentionStepSchema,
      retentionMonths: blankAsAbsent(extensionMonthsSchema),
      retentionMotivation: z.string().max(4000).default(''),
    }),
    handle: async (turn, input) => {
      const backTo = input.back[0];
      const decided = await decideRetention(turn.services, turn.actor, {
        casusId: input.casusId,
        revision: input.revision,
        step: input.step,
        months: input.step === 'verlengen' ? input.retentionMonths : undefined,
        motivation: input.retentionMotivation,
        activityId: turn.activityId,
      });
      if (!decided.ok) return refusal(turn, decided.error, input.retentionMotivation, backTo);
      const kamer = await turn.services.registry.getKamer(decided.value.kamerId ?? '');
      if (!kamer) return notFound();
      const line = auditLineOf(decided.value, turn.activityId) ?? decided.value.audit.at(-1);
      return cardFor(turn, decided.value, kamer, {
        ...(backTo && { backTo }),
        ...(line && {
          notice: { text: `Vastgelegd: ${describeEvent(line).what}.`, style: 'emphasis' },
        }),
      });
    },
  }),
];
