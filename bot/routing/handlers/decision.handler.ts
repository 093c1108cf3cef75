import { z } from 'zod';
import { decide, type DecisionInput, type DecisionRefusal } from '../../../src/app/casus/decide';
import { auditLineOf } from '../../../src/domain/casus/applied-activity';
import {
  casusActionSchema,
  transitionFor,
  type CasusAction,
} from '../../../src/domain/casus/casus-machine';
import type { AuditEntry, Casus } from '../../../src/domain/casus/casus.schema';
import { closeReasonSchema } from '../../../src/domain/casus/close-reason';
import { MAX_TEXT, MIN_MOTIVATION } from '../../../src/domain/intake/intake.schema';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { describeEvent } from '../../presenters/casus-event';
import type { BackTo } from '../../presenters/casus.presenter';
import type { CasusViewExtra } from '../../presenters/casus-view';
import { motivationField } from '../../presenters/decision-forms';
import { verbRoute, type Turn } from '../route-types';
import { accessRefusal, cardFor, notFound } from './casus-cards';
import { backToSchema } from './navigation.handler';

/** An empty choice or text from a card is no value. */
export const blankAsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
const typed = z.string().max(4000).optional();

/** Whether an audit line is a decision of the Lokale Kamer or the ZVH (not an intake step). */
function isDecision(line: AuditEntry): boolean {
  const action = casusActionSchema.safeParse(line.action);
  if (!action.success || line.from === null) return false;
  const by = transitionFor(line.from, action.data)?.by;
  return by === 'lokale-kamer' || by === 'zvh';
}

/** What the decider learns when the card was not the casus's latest: the casus moved on. */
export function changedMeanwhile(casus: Casus): string {
  const last = casus.audit.at(-1);
  const rest = 'Hieronder staat de actuele stand; er is niets gewijzigd.';
  if (!last) return `De casus is intussen gewijzigd. ${rest}`;
  const { what, when, by } = describeEvent(last);
  // The loser of a race between deciders must know whom to talk to. Only a decision names its
  // maker: after an aanvulling nobody "decided", and the worker is no one to ask about this card.
  if (isDecision(last))
    return `De casus is intussen gewijzigd: ${by} heeft al besloten (${what}, ${when}). ${rest}`;
  return `De casus is intussen gewijzigd (laatste stap: ${what}, ${when}). ${rest}`;
}

async function decisionRefusal(
  turn: Turn,
  reason: DecisionRefusal,
  draft: NonNullable<CasusViewExtra['draft']>,
  backTo: BackTo | undefined,
): Promise<AdaptiveCardJson> {
  if (reason.kind === 'not-found' || reason.kind === 'not-authorised') return accessRefusal(reason);
  const kamer = await turn.services.registry.getKamer(reason.casus.kamerId ?? '');
  if (!kamer) return notFound();
  const refused = (text: string, style: 'warning' | 'attention' = 'attention') =>
    cardFor(turn, reason.casus, kamer, { notice: { text, style }, draft, backTo });
  switch (reason.kind) {
    case 'changed-meanwhile':
      return refused(changedMeanwhile(reason.casus), 'warning');
    case 'not-possible-now':
      return refused(
        'Dit besluit is in deze stand van de casus niet mogelijk. Er is niets gewijzigd.',
      );
    case 'not-your-decision':
      return refused(
        'Dit besluit is niet aan jou: het hoort bij een andere rol of kamer. Er is niets gewijzigd.',
      );
    case 'busy':
      return refused(
        'De casus werd op hetzelfde moment bijgewerkt. Er is niets gewijzigd; probeer het opnieuw.',
        'warning',
      );
    case 'motivation-too-short':
      return refused(
        `Geef een motivering van minstens ${MIN_MOTIVATION} tekens. Er is niets gewijzigd.`,
      );
    case 'motivation-too-long':
      return refused(`Houd de motivering korter dan ${MAX_TEXT} tekens. Er is niets gewijzigd.`);
    case 'close-reason-missing':
      return refused('Kies de reden van afsluiten. Er is niets gewijzigd.');
    case 'confirm-first':
      return cardFor(turn, reason.casus, kamer, {
        backTo,
        confirm: {
          action: draft.action,
          motivation: reason.motivation,
          closeReason: reason.closeReason,
        },
      });
  }
}

/** Both presses end here: the use case checks everything again, whatever the card showed. */
async function decideAndAnswer(
  turn: Turn,
  input: Omit<DecisionInput, 'activityId'>,
  backTo: BackTo | undefined,
): Promise<AdaptiveCardJson> {
  const decided = await decide(turn.services, turn.actor, {
    ...input,
    activityId: turn.activityId,
  });
  if (!decided.ok) {
    return decisionRefusal(
      turn,
      decided.error,
      {
        action: input.action,
        motivation: input.motivation,
        closeReason: input.closeReason,
      },
      backTo,
    );
  }
  turn.services.notifications.deliverSoon(decided.value.id);
  const kamer = await turn.services.registry.getKamer(decided.value.kamerId ?? '');
  if (!kamer) return notFound();
  // The decision this activity recorded, also when it is answered again after later ones.
  const event = auditLineOf(decided.value, turn.activityId) ?? decided.value.audit.at(-1);
  return cardFor(turn, decided.value, kamer, {
    backTo,
    ...(event && {
      notice: { text: `Besluit vastgelegd: ${describeEvent(event).what}.`, style: 'emphasis' },
    }),
  });
}

const casusRef = {
  casusId: z.uuid(),
  revision: z.coerce.number().int().min(0),
  // A card opened from a list keeps its way back through every press.
  back: z.array(backToSchema).max(1).default([]),
};

/** Which motivation the form sent for this action: each form has its own input. */
const motivationFor = (input: Record<string, unknown>, action: CasusAction): string => {
  const value = input[motivationField(action)];
  return typeof value === 'string' ? value : '';
};

export const decisionVerbRoutes = [
  verbRoute({
    // The first press: a reversible decision is taken; an irreversible one is checked and shown
    // for confirmation, with nothing written.
    verb: 'casus.decide',
    data: z.object({
      ...casusRef,
      action: casusActionSchema,
      motivation: typed,
      motivationOpschalen: typed,
      motivationAfschalen: typed,
      motivationAfsluiten: typed,
      closeReason: blankAsAbsent(closeReasonSchema),
    }),
    handle: (turn, input) =>
      decideAndAnswer(
        turn,
        {
          casusId: input.casusId,
          revision: input.revision,
          action: input.action,
          motivation: motivationFor(input, input.action),
          // The close-reason choice is on the card beside other forms; it belongs to afsluiten only.
          closeReason: input.action === 'afsluiten' ? input.closeReason : undefined,
          confirmed: false,
        },
        input.back[0],
      ),
  }),
  verbRoute({
    // The second press of an irreversible decision. A forged one, without a first press, gets
    // exactly the same checks: rights, revision, motivation, close reason.
    verb: 'casus.confirm',
    data: z.object({
      ...casusRef,
      action: casusActionSchema,
      motivation: z.string().max(4000).default(''),
      closeReason: blankAsAbsent(closeReasonSchema),
    }),
    handle: (turn, { back, ...input }) =>
      decideAndAnswer(turn, { ...input, confirmed: true }, back[0]),
  }),
];
