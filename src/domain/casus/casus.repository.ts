import type { Result } from '../shared/result';
import type { Casus } from './casus.schema';

/** A value as stored, with the ETag that a conditional write must present. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

/** The port through which use cases keep casussen; the Cosmos adapter implements it. */
export interface CasusRepository {
  create(casus: Casus): Promise<Result<Versioned<Casus>, 'already-exists'>>;
  get(id: string): Promise<Versioned<Casus> | undefined>;
  /** Writes only if the stored casus still has `etag`; otherwise nothing changes. */
  replace(casus: Casus, etag: string): Promise<Result<Versioned<Casus>, 'conflict' | 'not-found'>>;
  /** Deletes only if the stored casus still has `etag` (discarding a concept). */
  delete(id: string, etag: string): Promise<Result<void, 'conflict' | 'not-found'>>;
  findByNumber(casusNumber: string): Promise<Versioned<Casus> | undefined>;
  /** Open casussen of a Lokale Kamer (or escalated to a ZVH through it). */
  listOpenInKamer(kamerId: string): Promise<Casus[]>;
  /** Casussen with notifications not yet sent (the outbox sweep after a crash). */
  listWithPendingOutbox(limit: number): Promise<Versioned<Casus>[]>;
  /** The casussen a person created, newest first (at most `limit`). */
  listCreatedBy(personId: string, limit: number): Promise<Casus[]>;
}
