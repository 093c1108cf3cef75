import { systemActor } from '../../domain/access/access-actor';
import type { CasusRepository, Versioned } from '../../domain/casus/casus.repository';
import type { Casus } from '../../domain/casus/casus.schema';
import type { RegistryRepository } from '../../domain/registry/registry.repository';
import { retentionStep } from '../../domain/retention/retention-due';
import type { Logger } from '../../logging/logger';
import type { AccessLogStore } from '../access/access-log';
import { AccessRecorder } from '../access/access-recorder';

/** Casussen handled per pass; the rest wait for the next one. */
const SWEEP_BATCH = 50;

export interface RetentionSweepDependencies {
  casussen: CasusRepository;
  registry: RegistryRepository;
  accessLog: AccessLogStore;
  now(): Date;
  newId(): string;
  logger: Logger;
}

/**
 * One pass of the retention sweep, on any instance: every casus whose bewaartermijn has run out
 * (and no legal hold stops) becomes its stub in one ETag-guarded write, which is the claim. Of two
 * instances on the same casus one write succeeds and the other loses the race and moves on; a
 * pass that stops halfway leaves the rest for the next (an anonymised casus is never found again),
 * so it is idempotent and resumes where it stopped. A write whose answer was lost is read back:
 * only a stub this pass wrote is recorded. Each anonymisation is an access record of the system.
 * Resolves with the casussen anonymised, for their copies in chats to be brought in line.
 */
export async function sweepRetention(deps: RetentionSweepDependencies): Promise<string[]> {
  const now = deps.now().toISOString();
  const [due, kamers] = await Promise.all([
    deps.casussen.listRetentionDue(now, SWEEP_BATCH),
    deps.registry.listKamers(),
  ]);
  const access = new AccessRecorder(deps.accessLog, {
    actor: systemActor,
    why: 'bewaartermijn-sweep',
    now: () => deps.now(),
    newId: () => deps.newId(),
    lost: (record, error) =>
      deps.logger.error(
        { err: error, event: 'access-record-not-stored', record },
        'access record not stored',
      ),
  });
  const anonymised: string[] = [];
  for (const stored of due) {
    const kamer = kamers.find((k) => k.id === stored.value.kamerId);
    const next = retentionStep(stored.value, kamer?.bewaartermijnen, now, () => deps.newId());
    if (!next || !(await written(deps.casussen, next, stored))) continue;
    if (next.anonymised) {
      access.record('anonymise', next, 'changed');
      anonymised.push(next.id);
    }
  }
  await access.settled();
  return anonymised;
}

/** Whether `next` is what the store holds now: written, or written though its answer was lost. */
async function written(
  casussen: CasusRepository,
  next: Casus,
  stored: Versioned<Casus>,
): Promise<boolean> {
  const result = await casussen.replace(next, stored.etag);
  if (result.ok) return true;
  if (result.error !== 'outcome-unknown') return false;
  const now = await casussen.get(next.id);
  return now?.value.revision === next.revision && now.value.anonymised?.at === next.anonymised?.at;
}
