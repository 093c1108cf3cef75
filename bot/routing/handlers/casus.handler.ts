import { z } from 'zod';
import { casuslijst } from '../../../src/app/casus/casuslijst';
import { openCasusById, openCasusByNumber } from '../../../src/app/casus/open-casus';
import { casusActionSchema } from '../../../src/domain/casus/casus-machine';
import { closeReasonSchema } from '../../../src/domain/casus/close-reason';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { casuslijstCard } from '../../cards/casuslijst.card';
import { casusStateLabels } from '../../presenters/casus-status';
import { refusalCard } from '../../presenters/error-cards';
import { verbRoute, type Turn } from '../route-types';
import { accessRefusal, cardFor } from './casus-cards';
import { decisionVerbRoutes } from './decision.handler';

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
  ...decisionVerbRoutes,
  verbRoute({
    // Universal Actions refresh: each listed user gets their own view of the card when they see it.
    verb: 'casus.refresh',
    // Also "Terug" on a confirmation, which brings back what the decider typed (its input).
    data: z.object({
      casusId: z.uuid(),
      draftAction: z.preprocess((v) => (v === '' ? undefined : v), casusActionSchema.optional()),
      motivation: z.string().max(4000).default(''),
      draftCloseReason: z.preprocess(
        (v) => (v === '' ? undefined : v),
        closeReasonSchema.optional(),
      ),
    }),
    async handle(turn, { casusId, draftAction, motivation, draftCloseReason }) {
      const opened = await openCasusById(turn.services, turn.actor, casusId);
      const draft = draftAction && {
        action: draftAction,
        motivation,
        closeReason: draftCloseReason,
      };
      return opened.ok
        ? cardFor(turn, opened.value.casus, opened.value.kamer, draft ? { draft } : {})
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
