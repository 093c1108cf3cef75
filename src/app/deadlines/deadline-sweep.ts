import type { CasusRepository } from '../../domain/casus/casus.repository';
import { withDueNotice } from '../../domain/deadlines/due-notice';

/** Casussen handled per sweep; the rest wait for the next one, earliest alert first. */
const SWEEP_BATCH = 50;

/**
 * One pass of the deadline sweep, on any instance: every casus with a notice due gets it in one
 * ETag-guarded write, which is the claim. Of two instances that find the same casus, one write
 * succeeds and the other loses the race and moves on, so nobody is reminded twice; a write whose
 * answer was lost is found again by the next sweep (its entries' fixed ids keep them single).
 * Resolves with the casussen that got a notice, for their outbox to be delivered.
 */
export async function sweepDeadlines(deps: {
  casussen: CasusRepository;
  now(): Date;
}): Promise<string[]> {
  const now = deps.now();
  const noticed: string[] = [];
  for (const stored of await deps.casussen.listWithDueDeadline(now.toISOString(), SWEEP_BATCH)) {
    const next = withDueNotice(stored.value, now);
    if (!next) continue;
    const written = await deps.casussen.replace(next, stored.etag);
    if (written.ok && next.outbox.length > stored.value.outbox.length) noticed.push(next.id);
  }
  return noticed;
}
