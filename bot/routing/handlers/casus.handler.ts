import { z } from 'zod';
import { findCasusByNumber } from '../../../src/app/casus/find-casus';
import { openCasusById } from '../../../src/app/casus/open-casus';
import { casusActionSchema } from '../../../src/domain/casus/casus-machine';
import { closeReasonSchema } from '../../../src/domain/casus/close-reason';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { verbRoute, type Turn } from '../route-types';
import { accessRefusal, cardFor, notFound } from './casus-cards';
import { blankAsAbsent, decisionVerbRoutes } from './decision.handler';
import { retentionVerbRoutes } from './retention.handler';
import { backToSchema } from './navigation.handler';
import { searchCard } from './search.handler';

/** "casus LK-ROT-2026-0007": status and timeline, for whoever may see the casus. */
export async function showCasus(turn: Turn, args: string): Promise<AdaptiveCardJson> {
  // Without a number: the form that asks for it.
  if (!args) return searchCard(turn);
  // A search by number like the search card's: recorded as a read of personal data.
  const found = await findCasusByNumber(turn.services, turn.actor, args);
  return found ? cardFor(turn, found.casus, found.kamer) : notFound();
}

export const casusVerbRoutes = [
  ...decisionVerbRoutes,
  ...retentionVerbRoutes,
  verbRoute({
    // Universal Actions refresh: each listed user gets their own view of the card when they see it.
    verb: 'casus.refresh',
    // Also "Terug" on a confirmation, which brings back what the decider typed (its input), and
    // `back`: a card opened from a list keeps its "Terug naar de lijst" when refreshed.
    data: z.object({
      casusId: z.uuid(),
      back: z.array(backToSchema).max(1).default([]),
      draftAction: blankAsAbsent(casusActionSchema),
      motivation: z.string().max(4000).default(''),
      draftCloseReason: blankAsAbsent(closeReasonSchema),
    }),
    async handle(turn, { casusId, back, draftAction, motivation, draftCloseReason }) {
      const opened = await openCasusById(turn.services, turn.actor, casusId);
      const draft = draftAction && {
        action: draftAction,
        motivation,
        closeReason: draftCloseReason,
      };
      return opened.ok
        ? cardFor(turn, opened.value.casus, opened.value.kamer, {
            backTo: back[0],
            ...(draft && { draft }),
          })
        : accessRefusal(opened.error);
    },
  }),
];
