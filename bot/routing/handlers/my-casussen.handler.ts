import { information, type Notice } from '../../cards/notice';
import { z } from 'zod';
import { discardIntake } from '../../../src/app/intake/discard-intake';
import type { IntakeRefusal } from '../../../src/app/intake/intake-services';
import { listMyCasussen } from '../../../src/app/intake/list-my-casussen';
import { openOwnCasus } from '../../../src/app/intake/open-own-casus';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { refusalCard } from '../../presenters/error-cards';
import {
  draftRemoveConfirmCard,
  myCasussenListCard,
  type MyCasussenAt,
} from '../../presenters/my-casussen.presenter';
import { verbRoute, type Turn } from '../route-types';

/** "mijn casussen": the worker's drafts and submitted casussen, each with its buttons. */
export async function showMyCasussen(
  turn: Turn,
  _args = '',
  notice?: Notice,
  at: Partial<MyCasussenAt> = {},
): Promise<AdaptiveCardJson> {
  const listed = await listMyCasussen(turn.services, turn.actor, at);
  if (!listed.ok) return refusal({ kind: 'no-intake-role' });
  // Each submitted casus on the page is shown with its betrokkene's name: a read, recorded.
  const shown = listed.value.submitted.rows;
  if (shown.length > 0) {
    turn.services.access.searched(
      shown.map((row) => ({
        id: row.id,
        ...(row.casusNumber && { casusNumber: row.casusNumber }),
        ...(row.kamerId && { kamerId: row.kamerId }),
      })),
    );
  }
  return myCasussenListCard(listed.value, await turn.services.registry.listKamers(), notice);
}

function refusal(reason: IntakeRefusal): AdaptiveCardJson {
  switch (reason.kind) {
    case 'no-intake-role':
      return refusalCard(
        'Alleen voor intake',
        'Alleen medewerkers met een intake-rol, zoals wijkteammedewerkers, hebben concepten en aanmeldingen.',
      );
    case 'not-found':
      return refusalCard(
        'Concept niet gevonden',
        'Dit concept bestaat niet (meer). Typ "mijn casussen" voor je overzicht.',
      );
    case 'not-yours':
      return refusalCard(
        'Niet jouw concept',
        'Dit concept is door een andere medewerker aangemaakt; je kunt het niet verwijderen. Er is niets gewijzigd.',
      );
    case 'not-editable':
    case 'stale':
      // Unreachable here: both are answered with the list below.
      return refusalCard(
        'Niet verwijderd',
        'Het concept is intussen gewijzigd. Er is niets gewijzigd.',
      );
  }
}

const listPage = z.coerce.number().int().min(1).max(10_000).default(1);
/** A draft, and where the list stood when its button was pressed: the answer returns there. */
const draftRef = z.object({
  casusId: z.uuid(),
  revision: z.coerce.number().int().min(0),
  draftsPage: listPage,
  submittedPage: listPage,
});

/** A page button of "mijn casussen" carries both sections' pages. */
export const myCasussenPagesSchema = z.object({ draftsPage: listPage });

export const myCasussenVerbRoutes = [
  verbRoute({
    // The first press: what will be removed. Nothing is written.
    verb: 'draft.remove.ask',
    data: draftRef,
    async handle(turn, { casusId, draftsPage, submittedPage }) {
      const at = { draftsPage, submittedPage };
      const opened = await openOwnCasus(turn.services, turn.actor, casusId);
      if (!opened.ok) return refusal(opened.error);
      if (opened.value.state !== 'concept') {
        return showMyCasussen(
          turn,
          '',
          { text: 'Deze casus is aangemeld en kan niet meer worden verwijderd.', style: 'warning' },
          at,
        );
      }
      return draftRemoveConfirmCard(opened.value, at);
    },
  }),
  verbRoute({
    // The second press: one ETag-guarded delete of the draft, at the revision the card showed.
    verb: 'draft.remove',
    data: draftRef,
    async handle(turn, { casusId, revision, draftsPage, submittedPage }) {
      const at = { draftsPage, submittedPage };
      const removed = await discardIntake(turn.services, turn.actor, {
        casusId,
        revision,
        activityId: turn.activityId,
      });
      if (removed.ok) {
        return showMyCasussen(turn, '', information('Het concept is verwijderd.'), at);
      }
      if (removed.error.kind === 'stale' || removed.error.kind === 'not-editable') {
        return showMyCasussen(
          turn,
          '',
          {
            text: 'Het concept is intussen gewijzigd of aangemeld. Er is niets verwijderd; bekijk de lijst en probeer het zo nodig opnieuw.',
            style: 'warning',
          },
          at,
        );
      }
      if (removed.error.kind === 'not-found') {
        // Gone already: removed in another chat, or this very press delivered twice.
        return showMyCasussen(
          turn,
          '',
          {
            text: 'Dit concept bestaat niet (meer). Er is niets verwijderd.',
            style: 'warning',
          },
          at,
        );
      }
      return refusal(removed.error);
    },
  }),
];
