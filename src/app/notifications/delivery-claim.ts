import type { CasusRepository, Versioned } from '../../domain/casus/casus.repository';
import type { Casus } from '../../domain/casus/casus.schema';
import { leasedByOther, ownsLease, withLease } from '../../domain/casus/delivery-lease';
import type { Logger } from '../../logging/logger';

/**
 * Claims a casus's outbox for this instance with one ETag-guarded write, so that two instances
 * do not send the same notification. Resolves with the casus as claimed and its ETag (the delivery's
 * own write starts from it), or undefined when another
 * instance holds it, won the race, or the claim's answer was lost (the sweep comes back later:
 * skipping is always safe, sending twice is not).
 */
export async function claimDelivery(
  casussen: CasusRepository,
  stored: Versioned<Casus>,
  instanceId: string,
  now: Date,
): Promise<Versioned<Casus> | undefined> {
  if (leasedByOther(stored.value, instanceId, now)) return undefined;
  const claimed = await casussen.replace(withLease(stored.value, instanceId, now), stored.etag);
  return claimed.ok ? claimed.value : undefined;
}

/**
 * Where a delivery starts: the casus a turn handed over when this instance's claim on it is live
 * (the turn wrote it so: no read, no claim), else the casus from the store, claimed. Undefined
 * when there is nothing to tell (no number, no news) or another instance delivers it.
 */
export async function claimedForDelivery(
  deps: { casussen: CasusRepository; instanceId: string; now(): Date; logger: Logger },
  casusId: string,
  handed?: Versioned<Casus>,
): Promise<Versioned<Casus> | undefined> {
  if (handed && ownsLease(handed.value, deps.instanceId, deps.now())) return handed;
  const stored = await deps.casussen.get(casusId);
  // Only a submitted casus, which has its number, has anything to tell; and only news is sent.
  if (!stored?.value.casusNumber || !stored.value.outbox.some((entry) => !entry.sentAt)) return;
  const claimed = await claimDelivery(deps.casussen, stored, deps.instanceId, deps.now());
  if (!claimed) deps.logger.debug({ casusId }, 'outbox left to another delivery');
  return claimed;
}
