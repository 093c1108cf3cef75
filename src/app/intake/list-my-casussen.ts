import type { MyCasusRow } from '../../domain/casus/my-casus-row';
import { hasIntakeRole } from '../../domain/registry/roles';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';
import type { IntakeServices } from './intake-services';

/**
 * The most casussen one list reads: a row is ~400 bytes, so this is one store answer of ~200 KB
 * at most. A worker with more finds her oldest ones by number.
 */
export const MY_CASUSSEN_MAX_ROWS = 500;

/** Rows on one page of a section: two full sections stay far below 28 KB together. */
export const MY_CASUSSEN_PAGE_SIZE = 10;

/** One section of the list (drafts, or submitted casussen): one page of it, and how many. */
export interface MyCasussenSection {
  rows: MyCasusRow[];
  page: number;
  pages: number;
  count: number;
}

export interface MyCasussen {
  drafts: MyCasussenSection;
  submitted: MyCasussenSection;
  /** The store had more than one list reads: the sections hold the newest ones. */
  truncated: boolean;
}

/** The page each section shows; a page past the end shows the last one. */
export interface MyCasussenPages {
  draftsPage?: number;
  submittedPage?: number;
}

/** The store sorts on when a casus was started; a worker looks for when she submitted it. */
const bySubmittedAt = (a: MyCasusRow, b: MyCasusRow) =>
  (b.submittedAt ?? b.createdAt).localeCompare(a.submittedAt ?? a.createdAt);

function section(rows: MyCasusRow[], page = 1): MyCasussenSection {
  const pages = Math.max(1, Math.ceil(rows.length / MY_CASUSSEN_PAGE_SIZE));
  const shown = Math.min(Math.max(1, page), pages);
  const first = (shown - 1) * MY_CASUSSEN_PAGE_SIZE;
  return {
    rows: rows.slice(first, first + MY_CASUSSEN_PAGE_SIZE),
    page: shown,
    pages,
    count: rows.length,
  };
}

/**
 * "mijn casussen": the actor's drafts and submitted casussen, newest first, each section paged on
 * its own so drafts never push a submitted casus out of reach. One query of list rows.
 */
export async function listMyCasussen(
  services: IntakeServices,
  actor: Actor,
  at: MyCasussenPages = {},
): Promise<Result<MyCasussen, { kind: 'no-intake-role' }>> {
  if (!hasIntakeRole(actor.person)) return fail({ kind: 'no-intake-role' });
  const rows = await services.casussen.listRowsCreatedBy(actor.person.id, MY_CASUSSEN_MAX_ROWS);
  return ok({
    drafts: section(
      rows.filter((row) => row.state === 'concept'),
      at.draftsPage,
    ),
    submitted: section(
      rows.filter((row) => row.state !== 'concept').sort(bySubmittedAt),
      at.submittedPage,
    ),
    truncated: rows.length >= MY_CASUSSEN_MAX_ROWS,
  });
}
