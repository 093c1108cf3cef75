import type { CasusAction } from '../../domain/casus/casus-machine';
import type { CasusRepository, Versioned } from '../../domain/casus/casus.repository';
import type { Casus, CasusState, OutboxEntry } from '../../domain/casus/casus.schema';
import type { DeadlineNotice } from '../../domain/deadlines/deadline-notices';
import { DEADLINE_OUTBOX_PREFIX } from '../../domain/deadlines/due-notice';
import { withoutLease } from '../../domain/casus/delivery-lease';
import { ANONYMISED_OUTBOX_KIND } from '../../domain/retention/anonymise';
import { isChannelEntry } from '../../domain/channel/channel-entries';
import { SHARE_OUTBOX_KIND } from '../../domain/invitation/share';
import { SIGNING_REQUEST_OUTBOX_KIND } from '../../domain/invitation/signing-request';
import type { Kamer } from '../../domain/registry/registry.schema';
import type { CasusAudience } from '../casus/casus-audience';
import { withProgress, type EntryProgress } from './delivery-progress';
import { INVITATION_OUTBOX_PREFIX, invitationRecipients } from './invitation-recipients';

/** What an outbox entry asks for: tell these registry persons about this event. */
export interface Notification {
  entry: OutboxEntry;
  /** Those still owed it: an earlier delivery's recipients (`doneFor`) are not told twice. */
  recipientIds: string[];
  /** The event in the timeline that caused it, if any. */
  action: CasusAction | undefined;
  /** Its audit line's index: the notification reports that line. */
  event: number | undefined;
  /** A deadline notice instead of an event: which, and the step and due time it is about. */
  notice?: { notice: DeadlineNotice; state: CasusState; dueAt: string; at: string };
}

/**
 * The audit line an outbox entry reports. Entries written before they carried the index report
 * the latest line of their action.
 */
export function eventOf(casus: Pick<Casus, 'audit'>, entry: OutboxEntry): number | undefined {
  if (entry.auditIndex !== undefined && casus.audit[entry.auditIndex]) return entry.auditIndex;
  const action = entry.kind === 'casus-aangemeld' ? 'indienen' : entry.kind.slice(8);
  for (let i = casus.audit.length - 1; i >= 0; i--) {
    if (casus.audit[i]?.action === action) return i;
  }
  return undefined;
}

const backToLokaleKamer: readonly string[] = ['aanvullen', 'opschaling-weigeren', 'afschalen'];

/**
 * Entries for one person outside the casus's audience (a share for a participant, a request to an
 * invitee to sign): delivered by their own step, never as casus news.
 */
export const isDirectEntry = (entry: Pick<OutboxEntry, 'kind'>): boolean =>
  entry.kind === SHARE_OUTBOX_KIND || entry.kind === SIGNING_REQUEST_OUTBOX_KIND;

/**
 * Who hears of what. A new aanmelding goes to the Lokale Kamer's decision makers; every decision
 * goes to the worker who submitted; an escalation request to the ZVH's decision makers; whatever
 * puts the casus back on the Lokale Kamer's table, to theirs. Each of them only while they may see
 * the casus (`audience`): a role alone is not enough. Nobody is told of their own action: the
 * answer to their press already says it. Steps on an invitation: `invitationRecipients`.
 */
export function notificationsOf(
  casus: Casus,
  kamer: Kamer,
  audience: CasusAudience,
): Notification[] {
  const zvhId = kamer.type === 'lokale-kamer' ? kamer.zvhId : undefined;
  return casus.outbox
    .filter((entry) => !entry.sentAt && !isDirectEntry(entry) && !isChannelEntry(entry))
    .map((entry): Notification => {
      const event = eventOf(casus, entry);
      const actorId = event === undefined ? undefined : casus.audit[event]?.actor.id;
      const done = new Set(entry.doneFor);
      const others = (ids: Iterable<string>) =>
        [...ids].filter((id) => id !== actorId && !done.has(id) && audience.get(id) !== undefined);
      // Its delivery only brings the copies already sent in line with the stub.
      if (entry.kind === ANONYMISED_OUTBOX_KIND) {
        return { entry, recipientIds: [], action: undefined, event };
      }
      if (entry.kind === 'casus-aangemeld') {
        return {
          entry,
          recipientIds: others(audience.decidersAt(kamer.id)),
          action: 'indienen',
          event,
        };
      }
      if (entry.kind.startsWith(DEADLINE_OUTBOX_PREFIX) && entry.notice) {
        const notice = entry.kind.slice(DEADLINE_OUTBOX_PREFIX.length) as DeadlineNotice;
        return {
          entry,
          recipientIds: others(mustAct(casus, entry.notice.state, kamer.id, zvhId, audience)),
          action: undefined,
          event: undefined,
          notice: { notice, ...entry.notice, at: entry.createdAt },
        };
      }
      if (entry.kind.startsWith(INVITATION_OUTBOX_PREFIX)) {
        const ids = invitationRecipients(casus, entry.kind, event, audience);
        return { entry, recipientIds: others(ids), action: undefined, event };
      }
      const action = entry.kind.startsWith('besluit:')
        ? (entry.kind.slice(8) as CasusAction)
        : undefined;
      const recipients = new Set([casus.createdBy.id]);
      if (action === 'opschalen') audience.decidersAt(zvhId).forEach((id) => recipients.add(id));
      if (action && backToLokaleKamer.includes(action)) {
        audience.decidersAt(kamer.id).forEach((id) => recipients.add(id));
      }
      return { entry, recipientIds: others(recipients), action, event };
    });
}

/**
 * Who must act in a step with a termijn, reminded of it: the Lokale Kamer's decision makers on an
 * aanmelding, the worker who submitted on a question, the ZVH's on an escalation request.
 */
function mustAct(
  casus: Pick<Casus, 'createdBy'>,
  state: CasusState,
  kamerId: string,
  zvhId: string | undefined,
  audience: CasusAudience,
): Iterable<string> {
  if (state === 'aanvulling_gevraagd') return [casus.createdBy.id];
  if (state === 'opschaling_aangevraagd') return audience.decidersAt(zvhId);
  return audience.decidersAt(kamerId);
}

/**
 * Copies kept per casus; the oldest are let go (they then keep showing their last state). Each chat
 * holds one current copy, so this is about the number of people involved, and it bounds the casus
 * document however long the casus runs.
 */
export const MAX_TRACKED_CARDS = 60;

/**
 * Writes a delivery's outcome: removes the outbox entries that are done or given up (a sent entry
 * has no further use, and keeping them would grow the casus document with every decision), keeps
 * on the others who is done with them and how often they were tried, remembers the cards that
 * were sent and the revision the updated copies show, forgets the copies they replaced
 * (`retired`) and releases this instance's claim on the outbox. Not a state change, so the
 * revision stays: cards already shown stay valid. Retries on a lost ETag race, since a decision
 * may have been written in between.
 */
export async function markSent(
  casussen: CasusRepository,
  casusId: string,
  delivery: {
    progress: EntryProgress[];
    cards: Casus['cards'];
    retired: Casus['cards'];
    /** Copies updated in place, with the revision they show now. */
    refreshed: Casus['cards'];
    /** The instance whose claim on the outbox this write releases. */
    instanceId: string;
    /** The casus's channel threads after this delivery (the lease makes it the only writer). */
    threads?: Casus['threads'];
  },
  /** The casus as the delivery claimed it: written on without a read unless someone wrote since. */
  claimed?: Versioned<Casus>,
): Promise<void> {
  const progress = new Map(delivery.progress.map((entry) => [entry.id, entry]));
  const sameCopy = (a: Casus['cards'][number], b: Casus['cards'][number]) =>
    a.personId === b.personId && a.activityId === b.activityId;
  let base = claimed;
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = base ?? (await casussen.get(casusId));
    base = undefined;
    if (!stored) return;
    const outbox = stored.value.outbox.flatMap((entry) => {
      const made = progress.get(entry.id);
      if (entry.sentAt || (made && made.fate !== 'pending')) return [];
      return [made ? withProgress(entry, made) : entry];
    });
    const kept = stored.value.cards
      .filter((card) => !delivery.retired.some((old) => sameCopy(old, card)))
      .map((card) => delivery.refreshed.find((copy) => sameCopy(copy, card)) ?? card);
    const cards = [...kept, ...delivery.cards].slice(-MAX_TRACKED_CARDS);
    const written = await casussen.replace(
      withoutLease(
        { ...stored.value, outbox, cards, ...(delivery.threads && { threads: delivery.threads }) },
        delivery.instanceId,
      ),
      stored.etag,
    );
    if (written.ok || written.error === 'not-found') return;
  }
  throw new Error(`Could not mark the outbox of casus ${casusId} after 5 attempts`);
}
