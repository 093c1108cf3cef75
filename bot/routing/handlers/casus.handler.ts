import { z } from 'zod';
import type { AccessRefusal } from '../../../src/app/casus/casus-access';
import { casuslijst } from '../../../src/app/casus/casuslijst';
import { decide, type DecisionRefusal } from '../../../src/app/casus/decide';
import { openCasusById, openCasusByNumber } from '../../../src/app/casus/open-casus';
import { today } from '../../../src/app/intake/intake-services';
import { auditLineOf } from '../../../src/domain/casus/applied-activity';
import { casusActionSchema } from '../../../src/domain/casus/casus-machine';
import type { Casus } from '../../../src/domain/casus/casus.schema';
import type { Kamer } from '../../../src/domain/registry/registry.schema';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { casuslijstCard } from '../../cards/casuslijst.card';
import { casusStateLabels } from '../../presenters/casus-status';
import { casusCardFor, describeEvent, type CasusView } from '../../presenters/casus.presenter';
import { loadCasusView } from '../../presenters/casus-view';
import { refusalCard } from '../../presenters/error-cards';
import { verbRoute, type Turn } from '../route-types';

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
  if (!args) {
    return refusalCard(
      'Welke casus?',
      'Typ "casus" gevolgd door het casusnummer, bijvoorbeeld: casus LK-ROT-2026-0007.',
    );
  }
  const opened = await openCasusByNumber(turn.services, turn.actor, args.trim());
  return opened.ok
    ? cardFor(turn, opened.value.casus, opened.value.kamer)
    : accessRefusal(opened.error);
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
    data: z.object({ casusId: z.uuid() }),
    async handle(turn, { casusId }) {
      const opened = await openCasusById(turn.services, turn.actor, casusId);
      return opened.ok
        ? cardFor(turn, opened.value.casus, opened.value.kamer)
        : accessRefusal(opened.error);
    },
  }),
];

/** Enough rows for a card; a kamer with more open casussen sees the top of its list. */
const CASUSLIJST_ROWS = 25;

/** "casuslijst": the decider's kamers, each with its open casussen in priority order and why. */
export async function showCasuslijst(turn: Turn): Promise<AdaptiveCardJson> {
  const lists = await casuslijst(turn.services, turn.actor);
  if (!lists.ok) {
    return refusalCard(
      'Alleen voor besluitvormers',
      'De casuslijst is er voor procesregisseurs en leden van een weegtafel.',
    );
  }
  return casuslijstCard.render({
    kamers: lists.value.map(({ kamer, ranked }) => {
      const p = kamer.prioritisation;
      return {
        name: kamer.name,
        criteria: `urgentie (normaal ${p.urgency.normaal}, hoog ${p.urgency.hoog}, zeer hoog ${p.urgency['zeer-hoog']} punten), doorbraak nodig (${p.doorbraak}), per dag wachtend (${p.perWaitingDay})`,
        empty: ranked.length === 0 ? [{}] : [],
        rows: ranked.slice(0, CASUSLIJST_ROWS).map(({ casus, score, reasons }, index) => ({
          position: index + 1,
          casusId: casus.id,
          casusNumber: casus.casusNumber ?? '',
          status: casusStateLabels[casus.state],
          score,
          reasons: reasons.join(', ') || 'geen punten',
        })),
      };
    }),
  });
}
