import { z } from 'zod';
import { casuslijst, CASUSLIJST_MAX_ROWS } from '../../../src/app/casus/casuslijst';
import { openCasusById } from '../../../src/app/casus/open-casus';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { casuslijstCard, listStateLabels } from '../../cards/casuslijst.card';
import type { BackTo } from '../../presenters/casus.presenter';
import { refusalCard } from '../../presenters/error-cards';
import { lastDayOf } from '../../presenters/casus-status';
import { verbRoute, type Turn } from '../route-types';
import { cardFor, notFound } from './casus-cards';
import { myCasussenPagesSchema, showMyCasussen } from './my-casussen.handler';

/** Rows on one page of the casuslijst: ~600 bytes each, so a page stays far below 28 KB. */
export const CASUSLIJST_PAGE_SIZE = 20;

/** The list a casus card leads back to, as the card's buttons carry it. */
export const backToSchema = z.object({
  list: z.enum(['casuslijst', 'mijn-casussen']),
  kamerId: z.string().max(100).default(''),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/** A casus card for whoever may see it, with the way back to the list it was opened from. */
export async function openCasusCard(
  turn: Turn,
  casusId: string,
  backTo: BackTo | undefined,
): Promise<AdaptiveCardJson> {
  const opened = await openCasusById(turn.services, turn.actor, casusId);
  if (!opened.ok) return notFound();
  return cardFor(turn, opened.value.casus, opened.value.kamer, { backTo });
}

/** A row's termijn line: passed (in words, not only in colour), running, or none. */
function termijnOf(dueAt: string | undefined, overdue: boolean) {
  if (dueAt === undefined) return { overdue: [], due: [] };
  const lastDay = lastDayOf(dueAt);
  return overdue
    ? { overdue: [{ text: `Termijn verstreken: liep tot en met ${lastDay}` }], due: [] }
    : { overdue: [], due: [{ text: `Termijn: uiterlijk ${lastDay}` }] };
}

/** "casuslijst": the decider's kamers, each with one page of its open casussen in priority order. */
export async function showCasuslijst(
  turn: Turn,
  _args = '',
  at: { kamerId?: string; page?: number } = {},
): Promise<AdaptiveCardJson> {
  const lists = await casuslijst(turn.services, turn.actor, at.kamerId || undefined);
  if (!lists.ok) {
    return refusalCard(
      'Alleen voor besluitvormers',
      'De casuslijst is er voor procesregisseurs en leden van een weegtafel.',
    );
  }
  return casuslijstCard.render({
    kamers: lists.value.map(({ kamer, ranked, truncated }) => {
      const p = kamer.prioritisation;
      const pages = Math.max(1, Math.ceil(ranked.length / CASUSLIJST_PAGE_SIZE));
      const page = Math.min(at.page ?? 1, pages);
      const first = (page - 1) * CASUSLIJST_PAGE_SIZE;
      const buttons = [
        ...(page > 1
          ? [{ title: 'Vorige pagina' as const, kamerId: kamer.id, page: page - 1 }]
          : []),
        ...(page < pages
          ? [{ title: 'Volgende pagina' as const, kamerId: kamer.id, page: page + 1 }]
          : []),
      ];
      return {
        name: kamer.name,
        criteria: `urgentie (normaal ${p.urgency.normaal}, hoog ${p.urgency.hoog}, zeer hoog ${p.urgency['zeer-hoog']} punten), doorbraak nodig (${p.doorbraak}), per dag wachtend (${p.perWaitingDay})`,
        empty: ranked.length === 0 ? [{}] : [],
        rows: ranked
          .slice(first, first + CASUSLIJST_PAGE_SIZE)
          .map(({ casus, score, reasons, overdue }, index) => ({
            position: first + index + 1,
            ...termijnOf(casus.dueAt, overdue),
            casusId: casus.id,
            casusNumber: casus.casusNumber,
            status: listStateLabels[casus.state],
            score,
            reasons: reasons.join(', ') || 'geen punten',
            kamerId: at.kamerId ?? '',
            page,
          })),
        truncated: truncated ? [{ max: CASUSLIJST_MAX_ROWS }] : [],
        pager: pages > 1 ? [{ page, pages, count: ranked.length, buttons }] : [],
      };
    }),
  });
}

export const navigationVerbRoutes = [
  verbRoute({
    // A list's "Open": the casus card, with "Terug naar de lijst".
    verb: 'casus.open',
    data: z.object({ casusId: z.uuid(), back: backToSchema.optional() }),
    handle: (turn, { casusId, back }) => openCasusCard(turn, casusId, back),
  }),
  verbRoute({
    // "Terug naar de lijst" and the page buttons of both lists. For "mijn casussen" `page` is
    // that of its submitted casussen (what a casus card leads back to), `draftsPage` its drafts'.
    verb: 'list.show',
    data: backToSchema.extend(myCasussenPagesSchema.shape),
    handle: (turn, { list, kamerId, page, draftsPage }) =>
      list === 'casuslijst'
        ? showCasuslijst(turn, '', { kamerId, page })
        : showMyCasussen(turn, '', undefined, { draftsPage, submittedPage: page }),
  }),
];
