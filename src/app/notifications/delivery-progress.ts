import type { OutboxEntry } from '../../domain/casus/casus.schema';
import type { Notification } from './outbox';

/**
 * What became of one recipient in a delivery: `reached` (the card is in their chat), `ended`
 * (never reachable: no chat known, blocked, conversation gone) or `retry` (failed for now).
 */
export type RecipientOutcome = 'reached' | 'ended' | 'retry';

/** What a delivery writes back for one outbox entry. */
export interface EntryProgress {
  id: string;
  /** Done: every recipient reached or ended; given up: still owed after the last attempt. */
  fate: 'done' | 'given-up' | 'pending';
  /** Recipients done with it now, added to those done before (`OutboxEntry.doneFor`). */
  doneFor: string[];
  attempts: number | undefined;
  /** How many recipients are left to retry (for the log: no ids). */
  left: number;
  /** A channel entry: the kamers whose thread has it now (`OutboxEntry.doneIn`). */
  doneIn?: string[];
}

/** Whether this delivery is an entry's last try: if it fails again, the entry is given up. */
export const isLastAttempt = (entry: Pick<OutboxEntry, 'attempts'>, maxAttempts: number): boolean =>
  (entry.attempts ?? 0) + 1 >= maxAttempts;

/**
 * Each pending entry's progress after a delivery, from the outcome per recipient. `maxAttempts`
 * bounds the deliveries that may leave a recipient to try again: one runs right after the write
 * and then one with each sweep (every 30 s by default, 30 attempts: a connector that throttles or
 * is down for a quarter of an hour still delivers, one that fails longer does not keep the casus
 * in every sweep forever).
 */
export function progressOf(
  notifications: readonly Notification[],
  outcomes: ReadonlyMap<string, RecipientOutcome>,
  maxAttempts: number,
): EntryProgress[] {
  return notifications.map(({ entry, recipientIds }) => {
    const settled = recipientIds.filter((id) => (outcomes.get(id) ?? 'retry') !== 'retry');
    const left = recipientIds.length - settled.length;
    const doneFor = [...new Set([...(entry.doneFor ?? []), ...settled])];
    if (left === 0) return { id: entry.id, fate: 'done', doneFor, attempts: entry.attempts, left };
    const fate = isLastAttempt(entry, maxAttempts) ? 'given-up' : 'pending';
    return { id: entry.id, fate, doneFor, attempts: (entry.attempts ?? 0) + 1, left };
  });
}

/** The entry as stored with a delivery's progress on it (another write may have come between). */
export function withProgress(entry: OutboxEntry, progress: EntryProgress): OutboxEntry {
  const doneFor = [...new Set([...(entry.doneFor ?? []), ...progress.doneFor])];
  const doneIn = [...new Set([...(entry.doneIn ?? []), ...(progress.doneIn ?? [])])];
  return {
    ...entry,
    ...(doneFor.length > 0 && { doneFor }),
    ...(doneIn.length > 0 && { doneIn }),
    ...(progress.attempts !== undefined && { attempts: progress.attempts }),
  };
}

/**
 * The progress of an entry for one person outside the casus's audience (a share, a request to
 * sign): done once it got through or never can, else tried again up to `maxAttempts` deliveries.
 */
export function directProgress(
  entry: OutboxEntry,
  settled: boolean,
  maxAttempts: number,
): EntryProgress {
  if (settled)
    return { id: entry.id, fate: 'done', doneFor: [], attempts: entry.attempts, left: 0 };
  const fate = isLastAttempt(entry, maxAttempts) ? 'given-up' : 'pending';
  return { id: entry.id, fate, doneFor: [], attempts: (entry.attempts ?? 0) + 1, left: 1 };
}
