import type { Actor } from '../../src/app/identify-actor';
import type { Casus } from '../../src/domain/casus/casus.schema';
import type { AdaptiveCardJson } from '../cards/card-template';
import { casusNotificationCard } from '../cards/casus-notification.card';
import { casusSupersededCard } from '../cards/casus-superseded.card';
import { errorCard } from '../cards/error.card';
import { describeEvent, reasonOf, shortened } from '../presenters/casus-event';
import { indicationsLine } from '../presenters/casus-evidence';
import type { Notification } from '../../src/app/notifications/outbox';
import {
  casusStateShortLabels,
  deadlineNoticeLabels,
  formatDateTime,
  lastDayOf,
} from '../presenters/casus-status';
import { allowedFor, currentTable, type CasusView } from '../presenters/casus.presenter';
import { invitationNextStep } from '../presenters/casus-invitations.presenter';
import { nextStep } from '../presenters/next-step';

/** Enough of a motivation to know what it is about; the casus card has the rest. */
const NOTIFIED_MOTIVATION = 300;

/**
 * The short card about one event (an audit line's index; the latest when unknown), for this
 * viewer: what changed, by whom, when, and their next step, with "Open casus".
 */
export function notificationCardFor(
  viewer: Actor,
  casus: Casus & { casusNumber: string },
  view: Pick<CasusView, 'kamer' | 'zvh'>,
  event: number | undefined,
  notice?: Notification['notice'],
): AdaptiveCardJson {
  if (notice) return deadlineNoticeCard(viewer, casus, view, notice);
  const entry = (event === undefined ? undefined : casus.audit[event]) ?? casus.audit.at(-1);
  if (!entry) throw new Error(`Casus ${casus.id} has no audit line to notify`);
  const described = describeEvent(entry, [view.kamer, view.zvh]);
  const reason = reasonOf(entry);
  const table = currentTable(casus, view);
  const allowed = allowedFor(viewer, casus, view.kamer);
  // The decider asked to admit a casus reads on what grounds (art. 2.20 BGS, criterium 3).
  const grounds =
    casus.state === 'aangemeld' && allowed.length > 0 && casus.submission
      ? indicationsLine(casus.submission.intake)
      : undefined;
  return casusNotificationCard.render({
    casusId: casus.id,
    casusNumber: casus.casusNumber,
    status: casusStateShortLabels[casus.state],
    kamer: table.name,
    what: described.what,
    by: described.by,
    when: described.when,
    reasons: reason ? [{ text: reason }] : [],
    motivations: entry.motivation
      ? [{ text: shortened(entry.motivation, NOTIFIED_MOTIVATION) }]
      : [],
    evidence: grounds ? [{ text: shortened(grounds, NOTIFIED_MOTIVATION) }] : [],
    nextStep:
      invitationNextStep(
        { viewer, casus, kamer: view.kamer, kamers: [view.kamer, view.zvh] },
        entry.invitationId,
      ) ?? nextStep(casus, table, allowed),
  });
}

/**
 * A reminder or an expiry of the termijn, for someone who must act: the step, its last day, and
 * their next step, with "Open casus". Sent by casusbot's termijnbewaking, not by a person.
 */
function deadlineNoticeCard(
  viewer: Actor,
  casus: Casus & { casusNumber: string },
  view: Pick<CasusView, 'kamer' | 'zvh'>,
  notice: NonNullable<Notification['notice']>,
): AdaptiveCardJson {
  const table = currentTable(casus, view);
  const expired = notice.notice === 'termijn-verlopen';
  return casusNotificationCard.render({
    casusId: casus.id,
    casusNumber: casus.casusNumber,
    status: casusStateShortLabels[casus.state],
    kamer: table.name,
    what: deadlineNoticeLabels[notice.notice],
    by: 'casusbot (termijnbewaking)',
    when: formatDateTime(notice.at),
    reasons: [
      {
        text: expired
          ? `De termijn liep tot en met ${lastDayOf(notice.dueAt)}.`
          : `De termijn loopt tot en met vandaag, ${lastDayOf(notice.dueAt)}.`,
      },
    ],
    motivations: [],
    evidence: [],
    nextStep: nextStep(casus, table, allowedFor(viewer, casus, view.kamer)),
  });
}

/**
 * An earlier copy in a chat that just got a newer card about the same casus: one line of what it
 * said ("Geaccepteerd door de Lokale Kamer op …"), then that it was replaced.
 */
export function supersededCard(casus: Casus & { casusNumber: string }, event: number | undefined) {
  const entry = event === undefined ? undefined : casus.audit[event];
  const said = entry && describeEvent(entry);
  return casusSupersededCard.render({
    casusId: casus.id,
    casusNumber: casus.casusNumber,
    said: said ? [{ text: `${said.what} op ${said.when}.` }] : [],
  });
}

/**
 * An earlier copy whose holder may no longer see the casus: it names the number they already had
 * and nothing of the betrokkene, the state or the timeline, and has no refresh.
 */
export const withdrawnCard = (casusNumber: string): AdaptiveCardJson =>
  errorCard.render({
    title: 'Melding ingetrokken',
    tone: 'Default',
    message: `Deze melding over casus ${casusNumber} is ingetrokken: je kunt deze casus niet (meer) inzien.`,
    notes: [],
  });
