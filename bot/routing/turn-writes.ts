import type { CasusRepository, Versioned } from '../../src/domain/casus/casus.repository';
import type { Casus, CasusState } from '../../src/domain/casus/casus.schema';
import type { Result } from '../../src/domain/shared/result';
import { accessWhatOfChange } from '../../src/domain/access/access-actor';
import type { AccessRecorder } from '../../src/app/access/access-recorder';

/** What the casus writes of one turn came to, for an answer after something failed. */
export type WriteRecord =
  | { kind: 'none' }
  /** The store confirmed a write: the last casus it holds now (or that the draft is gone). */
  | { kind: 'written'; casus: Casus | undefined }
  /** A write got no answer, and nothing after it was confirmed. */
  | { kind: 'unanswered' };

/**
 * The casus repository as one turn uses it, remembering its writes. When the turn then fails (a
 * read after the write, a card that cannot be rendered), its answer must not say that nothing
 * changed: the tracker knows whether something did. Every casus it writes goes through `claim`
 * first (the notifier's claim on news), and the last one written is kept with its ETag, for the
 * delivery after the turn. Every confirmed write is also an access-log record of the change.
 */
export class TurnWrites implements CasusRepository {
  record: WriteRecord = { kind: 'none' };
  private last: Versioned<Casus> | undefined;

  constructor(
    private readonly inner: CasusRepository,
    private readonly claim: (casus: Casus) => Casus = (casus) => casus,
    private readonly access?: { recorder: AccessRecorder; turnBegan: string },
  ) {}

  /** The casus as this turn last wrote it, with its ETag; undefined if it wrote another or none. */
  written(casusId: string): Versioned<Casus> | undefined {
    return this.last?.value.id === casusId ? this.last : undefined;
  }

  private async track<T, E>(
    casus: Pick<Casus, 'id'> & Partial<Casus>,
    write: Promise<Result<T, E>>,
    written: (value: T) => Versioned<Casus> | undefined,
  ): Promise<Result<T, E>> {
    const result = await write;
    if (result.ok) {
      this.last = written(result.value);
      this.record = { kind: 'written', casus: this.last?.value };
      if (this.access) {
        const what = accessWhatOfChange(this.last?.value, this.access.turnBegan);
        this.access.recorder.record(what, this.last?.value ?? casus, 'changed');
      }
    } else if (result.error === 'outcome-unknown') this.record = { kind: 'unanswered' };
    return result;
  }

  create(casus: Casus) {
    return this.track(casus, this.inner.create(this.claim(casus)), (stored) => stored);
  }
  replace(casus: Casus, etag: string) {
    return this.track(casus, this.inner.replace(this.claim(casus), etag), (stored) => stored);
  }
  delete(id: string, etag: string) {
    return this.track({ id }, this.inner.delete(id, etag), () => undefined);
  }
  get(id: string) {
    return this.inner.get(id);
  }
  // Not a change of the casus: a turn that fails after it has still changed nothing a user sees.
  reserveNumber(casusNumber: string, casusId: string) {
    return this.inner.reserveNumber(casusNumber, casusId);
  }
  findByNumber(casusNumber: string) {
    return this.inner.findByNumber(casusNumber);
  }
  listOpenRows(kamerIds: readonly string[], states: readonly CasusState[], limit: number) {
    return this.inner.listOpenRows(kamerIds, states, limit);
  }
  findByBetrokkeneKey(key: string, limit: number) {
    return this.inner.findByBetrokkeneKey(key, limit);
  }
  findByBsnKey(key: string, limit: number) {
    return this.inner.findByBsnKey(key, limit);
  }
  listInvitationsOf(objectId: string, limit: number) {
    return this.inner.listInvitationsOf(objectId, limit);
  }
  listWithDueDeadline(now: string, limit: number) {
    return this.inner.listWithDueDeadline(now, limit);
  }
  listRetentionDue(now: string, limit: number) {
    return this.inner.listRetentionDue(now, limit);
  }
  listWithPendingOutbox(limit: number) {
    return this.inner.listWithPendingOutbox(limit);
  }
  listRowsCreatedBy(personId: string, limit: number) {
    return this.inner.listRowsCreatedBy(personId, limit);
  }
}
