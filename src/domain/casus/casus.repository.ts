import type { Result } from '../shared/result';
import type { CasusListRow } from './casus-list-row';
import type { Casus, CasusState } from './casus.schema';
import type { MyCasusRow } from './my-casus-row';

/** A casus as an invitee's turn needs it: no betrokkene, no intake, no audit trail. */
export type InviteeCasus = Pick<Casus, 'id' | 'casusNumber' | 'state' | 'invitations'>;

/** A value as stored, with the ETag that a conditional write must present. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

/**
 * A write whose answer was lost (a cut connection, a time-out): the store may have applied it or
 * not. Whoever gets it reads the casus back before telling anyone what happened.
 */
export type OutcomeUnknown = 'outcome-unknown';

/** The port through which use cases keep casussen; the Cosmos adapter implements it. */
export interface CasusRepository {
  create(casus: Casus): Promise<Result<Versioned<Casus>, 'already-exists' | OutcomeUnknown>>;
  get(id: string): Promise<Versioned<Casus> | undefined>;
  /** Writes only if the stored casus still has `etag`; otherwise nothing changes. */
  replace(
    casus: Casus,
    etag: string,
  ): Promise<Result<Versioned<Casus>, 'conflict' | 'not-found' | OutcomeUnknown>>;
  /** Deletes only if the stored casus still has `etag` (discarding a concept). */
  delete(
    id: string,
    etag: string,
  ): Promise<Result<void, 'conflict' | 'not-found' | OutcomeUnknown>>;
  /**
   * Records which casus holds a number it is about to be given, so that finding it by number is
   * two point reads rather than a query. Written before the casus: a number whose casus write
   * then fails points at a casus without it, which finding treats as no casus.
   */
  reserveNumber(casusNumber: string, casusId: string): Promise<void>;
  findByNumber(casusNumber: string): Promise<Versioned<Casus> | undefined>;
  /**
   * The list rows of the casussen of these Lokale Kamers in these (open) states, at most `limit`:
   * one small projection, never the documents themselves.
   */
  listOpenRows(
    kamerIds: readonly string[],
    states: readonly CasusState[],
    limit: number,
  ): Promise<CasusListRow[]>;
  /** Submitted casussen whose betrokkene has this search key (at most `limit`). */
  findByBetrokkeneKey(key: string, limit: number): Promise<Versioned<Casus>[]>;
  /** Submitted casussen whose betrokkene has this BSN search key (at most `limit`). */
  findByBsnKey(key: string, limit: number): Promise<Versioned<Casus>[]>;
  /**
   * What a Teams user who is invited to casussen needs to be answered (at most `limit`): the open
   * casussen with an approved or signed invitation naming this Entra object id, with their
   * number, state and invitations only, never the dossier.
   */
  listInvitationsOf(objectId: string, limit: number): Promise<InviteeCasus[]>;
  /** Casussen with notifications not yet sent (the outbox sweep after a crash). */
  listWithPendingOutbox(limit: number): Promise<Versioned<Casus>[]>;
  /** Casussen whose termijn has a notice due at `now` (ISO), the earliest first: the deadline sweep. */
  listWithDueDeadline(now: string, limit: number): Promise<Versioned<Casus>[]>;
  /**
   * Casussen for the retention sweep (at most `limit`): those whose bewaartermijn ended at or
   * before `now` (ISO) without a legal hold, and those closed or rejected before casussen carried
   * a clock. Never one already anonymised.
   */
  listRetentionDue(now: string, limit: number): Promise<Versioned<Casus>[]>;
  /**
   * The rows of the casussen a person created, newest first, at most `limit`: one small
   * projection in one store answer, never the documents themselves.
   */
  listRowsCreatedBy(personId: string, limit: number): Promise<MyCasusRow[]>;
}
