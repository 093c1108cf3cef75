import { isPrivacyOfficer } from '../../domain/registry/roles';
import type { AccessRecord } from '../../domain/access/access-record.schema';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';
import type { AccessLogStore, Period } from './access-log';

/** More lines than this is a question for the store's own export, not for a card or a file. */
export const MAX_ACCESS_LINES = 1000;

/** A question to the access log: about a casus (by id) or a person (by registry id), in a period. */
export type AccessQuery =
  | { about: 'casus'; casusId: string; period: Period }
  | { about: 'persoon'; personId: string; period: Period };

export interface AccessAnswer {
  records: AccessRecord[];
  /** More lines exist in the period than were returned. */
  truncated: boolean;
}

/**
 * "Wie heeft casus X ingezien" and "wat heeft persoon Y ingezien": for a privacy officer only.
 * Asking is itself recorded by the caller (an export of the log is a read of who did what).
 */
export async function askAccessLog(
  accessLog: AccessLogStore,
  actor: Actor,
  query: AccessQuery,
): Promise<Result<AccessAnswer, 'geen-privacy-officer'>> {
  if (!isPrivacyOfficer(actor.person)) return fail('geen-privacy-officer');
  const records =
    query.about === 'casus'
      ? await accessLog.ofCasus(query.casusId, query.period, MAX_ACCESS_LINES + 1)
      : await accessLog.ofPerson(query.personId, query.period, MAX_ACCESS_LINES + 1);
  return ok({
    records: records.slice(0, MAX_ACCESS_LINES),
    truncated: records.length > MAX_ACCESS_LINES,
  });
}
