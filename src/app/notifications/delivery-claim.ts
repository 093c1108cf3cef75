import type { CasusRepository, Versioned } from '../../domain/casus/casus.repository';
import type { Casus } from '../../domain/casus/casus.schema';
import { leasedByOther, withLease } from '../../domain/casus/delivery-lease';

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
