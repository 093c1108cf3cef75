import type { Casus } from './casus.schema';

/**
 * How long a claim on a casus's outbox holds. A delivery is bounded well below it (every connector
 * and store call has a time-out); an instance that dies holding it only delays the next one.
 */
export const DELIVERY_LEASE_MS = 60_000;

/** Whether another instance is delivering this casus's outbox right now. */
export function leasedByOther(casus: Casus, instanceId: string, now: Date): boolean {
  const lease = casus.deliveryLease;
  return (
    lease !== undefined && lease.holder !== instanceId && Date.parse(lease.until) > now.getTime()
  );
}

/** The casus with this instance's claim on its outbox. Bookkeeping: the revision stays. */
export function withLease(casus: Casus, instanceId: string, now: Date): Casus {
  return {
    ...casus,
    deliveryLease: {
      holder: instanceId,
      until: new Date(now.getTime() + DELIVERY_LEASE_MS).toISOString(),
    },
  };
}

/** Whether this instance holds a live claim on the casus's outbox. */
export function ownsLease(casus: Casus, instanceId: string, now: Date): boolean {
  const lease = casus.deliveryLease;
  return lease?.holder === instanceId && Date.parse(lease.until) > now.getTime();
}

/**
 * The casus as a turn writes it: with this instance's claim when it has news to deliver and no
 * other instance is delivering, so that the delivery after the turn needs no write of its own to
 * claim it (and no read: it is handed what the turn wrote).
 */
export function claimedIfNews(casus: Casus, instanceId: string, now: Date): Casus {
  if (!casus.outbox.some((entry) => !entry.sentAt)) return casus;
  return leasedByOther(casus, instanceId, now) ? casus : withLease(casus, instanceId, now);
}

/** The casus with this instance's claim released (another instance's claim stays). */
export function withoutLease(casus: Casus, instanceId: string): Casus {
  if (casus.deliveryLease?.holder !== instanceId) return casus;
  return { ...casus, deliveryLease: undefined };
}
