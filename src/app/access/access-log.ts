import type { AccessRecord } from '../../domain/access/access-record.schema';

/** A period as the privacy officer asks for it: from and to, ISO instants, `to` exclusive. */
export interface Period {
  from: string;
  to: string;
}

/**
 * The access log's store: append-only. There is no update and no delete here, on purpose: the app
 * cannot change what it has recorded (the Cosmos container takes creates only from this code).
 */
export interface AccessLogStore {
  append(record: AccessRecord): Promise<void>;
  /** Who did what with one casus in a period, oldest first, at most `limit`. */
  ofCasus(casusId: string, period: Period, limit: number): Promise<AccessRecord[]>;
  /** What one person did in a period, oldest first, at most `limit`. */
  ofPerson(personId: string, period: Period, limit: number): Promise<AccessRecord[]>;
}
