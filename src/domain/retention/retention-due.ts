import type { Casus } from '../casus/casus.schema';
import type { Bewaartermijnen } from './bewaartermijnen';
import { anonymiseCasus } from './anonymise';
import { SWEEP_ON_BEHALF_OF, sweepAuditActor } from './retention-audit';
import { hasExpired, startClock, termFor } from './retention-clock';
import type { RetentionClock } from './retention.schema';

/**
 * The clock of a casus closed or rejected before casussen carried one: started at the line that
 * ended it, with its kamer's term as it is now.
 */
function clockFromTrail(casus: Casus, termijnen: Bewaartermijnen): RetentionClock | undefined {
  const months = termFor(casus.state, termijnen);
  const ended = casus.audit.findLast(
    (line) =>
      line.to === casus.state && (line.action === 'afsluiten' || line.action === 'afwijzen'),
  );
  return months === undefined || !ended ? undefined : startClock(ended.at, months);
}

/**
 * What the retention sweep writes for a casus it found, or nothing: the stub once its term has run
 * out and no hold stops it; a casus from before the clock gets its clock first (not a change of
 * state: the revision stays, so cards already shown stay valid), and the stub if that has run out.
 */
export function retentionStep(
  casus: Casus,
  termijnen: Bewaartermijnen | undefined,
  now: string,
  newId: () => string,
): Casus | undefined {
  if (casus.anonymised) return undefined;
  const clock = casus.retention ?? (termijnen && clockFromTrail(casus, termijnen));
  if (!clock) return undefined;
  if (hasExpired(clock, now)) {
    return anonymiseCasus(
      { ...casus, retention: clock },
      {
        at: now,
        reason: 'bewaartermijn',
        actor: { ...sweepAuditActor },
        onBehalfOf: SWEEP_ON_BEHALF_OF,
        newOutboxId: newId(),
      },
    );
  }
  return casus.retention ? undefined : { ...casus, retention: clock };
}
