import type { CasusAction } from '../../domain/casus/casus-machine';
import type { CasusRepository } from '../../domain/casus/casus.repository';
import type { Casus, OutboxEntry } from '../../domain/casus/casus.schema';
import { withoutLease } from '../../domain/casus/delivery-lease';
import type { Kamer } from '../../domain/registry/registry.schema';
import type { CasusAudience } from '../casus/casus-audience';

/** What an outbox entry asks for: tell these registry persons about this event. */
export interface Notification {
  entry: OutboxEntry;
  recipientIds: string[];
  /** The event in the timeline that caused it, if any. */
  action: CasusAction | undefined;
}

const backToLokaleKamer: readonly string[] = ['aanvullen', 'opschaling-weigeren', 'afschalen'];

/**
 * Who hears of what. A new aanmelding goes to the Lokale Kamer's decision makers; every decision
 * goes to the worker who submitted; an escalation request to the ZVH's decision makers; whatever
 * puts the casus back on the Lokale Kamer's table, to theirs. Each of them only while they may see
 * the casus (`audience`): a role alone is not enough.
 */
export function notificationsOf(
  casus: Casus,
  kamer: Kamer,
  audience: CasusAudience,
): Notification[] {
  const zvhId = kamer.type === 'lokale-kamer' ? kamer.zvhId : undefined;
  return casus.outbox
    .filter((entry) => !entry.sentAt)
    .map((entry): Notification => {
      if (entry.kind === 'casus-aangemeld') {
        return { entry, recipientIds: audience.decidersAt(kamer.id), action: 'indienen' };
      }
      const action = entry.kind.startsWith('besluit:')
        ? (entry.kind.slice(8) as CasusAction)
        : undefined;
      const recipients = new Set([casus.createdBy.id]);
      if (action === 'opschalen') audience.decidersAt(zvhId).forEach((id) => recipients.add(id));
      if (action && backToLokaleKamer.includes(action)) {
        audience.decidersAt(kamer.id).forEach((id) => recipients.add(id));
      }
      return {
        entry,
        recipientIds: [...recipients].filter((id) => audience.get(id) !== undefined),
        action,
      };
    });
}

/** Copies kept per casus; the oldest are let go (they then keep showing their last state). */
export const MAX_TRACKED_CARDS = 100;

/**
 * Marks outbox entries sent, remembers the cards that delivered them, forgets the copies they
 * replaced (`retired`) and releases this instance's claim on the outbox. Not a state change, so the revision stays: cards already shown stay valid.
 * Retries on a lost ETag race, since a decision may have been written in between.
 */
export async function markSent(
  casussen: CasusRepository,
  casusId: string,
  delivery: {
    entryIds: string[];
    cards: Casus['cards'];
    retired: Casus['cards'];
    at: string;
    /** The instance whose claim on the outbox this write releases. */
    instanceId: string;
  },
): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await casussen.get(casusId);
    if (!stored) return;
    const outbox = stored.value.outbox.map((entry) =>
      delivery.entryIds.includes(entry.id) && !entry.sentAt
        ? { ...entry, sentAt: delivery.at }
        : entry,
    );
    const kept = stored.value.cards.filter(
      (card) =>
        !delivery.retired.some(
          (old) => old.personId === card.personId && old.activityId === card.activityId,
        ),
    );
    const cards = [...kept, ...delivery.cards].slice(-MAX_TRACKED_CARDS);
    const written = await casussen.replace(
      withoutLease({ ...stored.value, outbox, cards }, delivery.instanceId),
      stored.etag,
    );
    if (written.ok || written.error === 'not-found') return;
  }
  throw new Error(`Could not mark the outbox of casus ${casusId} after 5 attempts`);
}
