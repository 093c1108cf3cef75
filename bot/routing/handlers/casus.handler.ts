import { z } from 'zod';
import type { AccessRefusal } from '../../../src/app/casus/casus-access';
import { decide, type DecisionRefusal } from '../../../src/app/casus/decide';
import { findCasusByNumber } from '../../../src/app/casus/find-casus';
import { today } from '../../../src/app/intake/intake-services';
import { auditLineOf } from '../../../src/domain/casus/applied-activity';
import { casusActionSchema } from '../../../src/domain/casus/casus-machine';
import type { Casus } from '../../../src/domain/casus/casus.schema';
import type { Kamer } from '../../../src/domain/registry/registry.schema';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { casusCardFor, describeEvent, type CasusView } from '../../presenters/casus.presenter';
import { loadCasusView } from '../../presenters/casus-view';
import { refusalCard } from '../../presenters/error-cards';
import { verbRoute, type Turn } from '../route-types';
import { backToSchema, openCasusCard } from './navigation.handler';
import { searchCard } from './search.handler';

async function cardFor(
  turn: Turn,
  casus: Casus,
  kamer: Kamer,
  extra: Pick<CasusView, 'notice' | 'draftMotivation'> = {},
): Promise<AdaptiveCardJson> {
  return casusCardFor(
    turn.actor,
    casus,
    await loadCasusView(turn.services.registry, casus, kamer, extra, today(turn.services)),
  );
}

const notFound = (): AdaptiveCardJson =>
  refusalCard(
    'Casus niet gevonden',
    'Er is geen casus met dit nummer die jij mag inzien. Controleer het nummer.',
  );

function accessRefusal(reason: AccessRefusal): AdaptiveCardJson {
  switch (reason.kind) {
    case 'not-found':
    case 'not-authorised':
      return notFound();
  }
}

/** What the decider learns when the card was not the casus's latest: who decided what, and when. */
function lastDecision(casus: Casus): string {
  const last = casus.audit.at(-1);
  if (!last) return 'De casus is intussen gewijzigd. Er is niets gewijzigd.';
  const event = describeEvent(last);
  return `Al besloten door ${last.actor.name} op ${event.when}: ${event.what}. Er is niets gewijzigd.`;
}

async function decisionRefusal(
  turn: Turn,
  reason: DecisionRefusal,
  typed: string,
): Promise<AdaptiveCardJson> {
  if (reason.kind === 'not-found' || reason.kind === 'not-authorised') return accessRefusal(reason);
  const kamer = await turn.services.registry.getKamer(reason.casus.kamerId ?? '');
  if (!kamer) return notFound();
  switch (reason.kind) {
    case 'already-decided':
      return cardFor(turn, reason.casus, kamer, {
        notice: { text: lastDecision(reason.casus), style: 'warning' },
      });
    case 'not-your-decision':
      return cardFor(turn, reason.casus, kamer, {
        notice: {
          text: 'Dit besluit is niet aan jou: het hoort bij een andere rol of kamer. Er is niets gewijzigd.',
          style: 'attention',
        },
      });
    case 'busy':
      return cardFor(turn, reason.casus, kamer, {
        notice: {
          text: 'De casus werd op hetzelfde moment bijgewerkt. Er is niets gewijzigd; probeer het opnieuw.',
          style: 'warning',
        },
        draftMotivation: typed,
      });
    case 'motivation-too-short':
      return cardFor(turn, reason.casus, kamer, {
        notice: {
          text: 'Geef een motivering van minstens 30 tekens. Er is niets gewijzigd.',
          style: 'attention',
        },
        draftMotivation: typed,
      });
  }
}

/** "casus LK-ROT-2026-0007": status and timeline, for whoever may see the casus. */
export async function showCasus(turn: Turn, args: string): Promise<AdaptiveCardJson> {
  // Without a number: the form that asks for it.
  if (!args) return searchCard(turn);
  // A search by number like the search card's: recorded as a read of personal data.
  const found = await findCasusByNumber(turn.services, turn.actor, args);
  return found ? cardFor(turn, found.casus, found.kamer) : notFound();
}

export const casusVerbRoutes = [
  verbRoute({
    verb: 'casus.decide',
    data: z.object({
      casusId: z.uuid(),
      revision: z.coerce.number().int().min(0),
      action: casusActionSchema,
      motivation: z.string().max(4000).default(''),
    }),
    async handle(turn, input) {
      const decided = await decide(turn.services, turn.actor, {
        ...input,
        activityId: turn.activityId,
      });
      if (!decided.ok) return decisionRefusal(turn, decided.error, input.motivation);
      turn.services.notifications.deliverSoon(decided.value.id);
      const kamer = await turn.services.registry.getKamer(decided.value.kamerId ?? '');
      if (!kamer) return notFound();
      // The decision this activity recorded, also when it is answered again after later ones.
      const event = auditLineOf(decided.value, turn.activityId) ?? decided.value.audit.at(-1);
      return cardFor(
        turn,
        decided.value,
        kamer,
        event
          ? { notice: { text: `Besluit vastgelegd: ${describeEvent(event).what}.`, style: 'good' } }
          : {},
      );
    },
  }),
  verbRoute({
    // Universal Actions refresh: each listed user gets their own view of the card when they see it.
    verb: 'casus.refresh',
    // `back`: a card opened from a list keeps its "Terug naar de lijst" when refreshed.
    data: z.object({ casusId: z.uuid(), back: z.array(backToSchema).max(1).default([]) }),
    handle: (turn, { casusId, back }) => openCasusCard(turn, casusId, back[0]),
  }),
];
