import type { AccessLogStore, Period } from '../../src/app/access/access-log';
import { AccessRecorder } from '../../src/app/access/access-recorder';
import { accessActorOf } from '../../src/domain/access/access-actor';
import type { AccessRecord } from '../../src/domain/access/access-record.schema';
import type { Actor } from '../../src/app/identify-actor';

/**
 * The access log's port in memory, for unit tests of the use cases that record into it; the
 * Cosmos implementation has its own contract test against the embedded store.
 */
export class MemoryAccessLog implements AccessLogStore {
  readonly records: AccessRecord[] = [];

  append(record: AccessRecord): Promise<void> {
    this.records.push(record);
    return Promise.resolve();
  }
  ofCasus(casusId: string, period: Period, limit: number): Promise<AccessRecord[]> {
    return Promise.resolve(this.within((r) => r.casusId === casusId, period, limit));
  }
  ofPerson(personId: string, period: Period, limit: number): Promise<AccessRecord[]> {
    return Promise.resolve(this.within((r) => r.actor.personId === personId, period, limit));
  }
  private within(match: (r: AccessRecord) => boolean, { from, to }: Period, limit: number) {
    return this.records.filter((r) => match(r) && r.at >= from && r.at < to).slice(0, limit);
  }
}

let sequence = 0;

/** A recorder for a test: records into `log` as `actor` (by default a test system actor). */
export function testAccess(
  log = new MemoryAccessLog(),
  actor?: Actor,
  why = 'test',
): AccessRecorder {
  return new AccessRecorder(log, {
    actor: actor
      ? accessActorOf(actor.person, actor.organisation)
      : { personId: 'test', name: 'Test', organisationId: 'test', roles: [] },
    why,
    now: () => new Date(),
    newId: () => `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`,
    lost: (_record, error) => {
      throw error;
    },
  });
}
