import type { Container, ItemDefinition, Resource, SqlParameter } from '@azure/cosmos';
import type { CasusRepository, Versioned } from '../domain/casus/casus.repository';
import { isOpen } from '../domain/casus/casus-machine';
import { casusListRowSchema } from '../domain/casus/casus-list-row';
import { MY_ROW_NAME_MAX, myCasusRowSchema } from '../domain/casus/my-casus-row';
import { casusSchema, type Casus, type CasusState } from '../domain/casus/casus.schema';
import { fail, ok } from '../domain/shared/result';
import { CasusNumberEntries } from './cosmos-casus-number-entries';
import { storeCall, storeCallExpecting, storeWrite } from './cosmos-errors';

const inviteeCasusSchema = casusSchema.pick({
  id: true,
  casusNumber: true,
  state: true,
  invitations: true,
});

function versioned(resource: (ItemDefinition & Resource) | undefined): Versioned<Casus> {
  if (!resource) throw new Error('Cosmos returned no resource for a successful write');
  // Parsing what comes back keeps a document written by another version from leaking in unchecked.
  return { value: casusSchema.parse(resource), etag: resource._etag };
}

/**
 * What a create or replace wrote: the casus as the app built it (a replace stores exactly that)
 * with the new ETag. Not parsed again: that cost ~6% of a decision's CPU for a value the schema's
 * type already holds.
 */
function written(casus: Casus, resource: Resource | undefined): Versioned<Casus> {
  if (!resource) throw new Error('Cosmos returned no resource for a successful write');
  return { value: casus, etag: resource._etag };
}

/**
 * The fields of a list row. A projection needs no index (only WHERE and ORDER BY paths do), so the
 * intake fields it reads stay out of the index.
 */
const LIST_ROW_SELECT =
  'SELECT TOP @top c.id, c.casusNumber, c.state, c.kamerId, c.createdAt, c.submission.submittedAt AS submittedAt, c.submission.intake.aanmelding.urgentie AS urgentie, c.submission.intake.doorbraak.nodig AS doorbraakNodig, c.deadline.dueAt AS dueAt FROM c';

/**
 * The fields of a row of "mijn casussen": the betrokkene's name only as a projected value (so the
 * intake stays out of the index) and only its start (a draft's name is unchecked and may be long).
 */
const MY_ROW_SELECT =
  'SELECT TOP @top c.id, c.revision, c.state, c.casusNumber, c.kamerId, c.createdAt, c._ts AS ts, c.intake.step AS step, LEFT(c.intake.values.naam, @nameMax) AS draftNaam, LEFT(c.submission.intake.betrokkene.naam, @nameMax) AS submittedNaam, c.submission.submittedAt AS submittedAt FROM c';

/** Enough rows for one store answer: a list longer than this is not read in one go. */
const ROWS_PER_ANSWER = 1000;

function writeFailure(status: 404 | 412 | 'outcome-unknown') {
  if (status === 'outcome-unknown') return status;
  return status === 412 ? ('conflict' as const) : ('not-found' as const);
}

/** Casussen in Cosmos DB: one document per casus, partition key = casus id. */
export class CosmosCasusRepository implements CasusRepository {
  /**
   * `numbers` holds the number entries: in the app the `counters` container, which no query
   * reads, so they never add to what a list query scans (the embedded server scans them all).
   */
  private readonly numbers: CasusNumberEntries;

  constructor(
    private readonly container: Container,
    numbers: Container = container,
  ) {
    this.numbers = new CasusNumberEntries(numbers);
  }

  async create(casus: Casus) {
    const result = await storeWrite(
      (options) => this.container.items.create(casus, options),
      [409],
    );
    if (result.ok) return ok(written(casus, result.value.resource));
    return fail(result.status === 409 ? ('already-exists' as const) : result.status);
  }

  async get(id: string) {
    const result = await storeCallExpecting(
      (options) => this.container.item(id, id).read<Casus>(options),
      [404],
    );
    if (!result.ok || !result.value.resource) return undefined;
    return versioned(result.value.resource);
  }

  async replace(casus: Casus, etag: string) {
    const result = await storeWrite(
      (options) =>
        this.container
          .item(casus.id, casus.id)
          .replace(casus, { ...options, accessCondition: { type: 'IfMatch', condition: etag } }),
      [404, 412],
    );
    if (result.ok) return ok(written(casus, result.value.resource));
    return fail(writeFailure(result.status));
  }

  async delete(id: string, etag: string) {
    const result = await storeWrite(
      (options) =>
        this.container
          .item(id, id)
          .delete({ ...options, accessCondition: { type: 'IfMatch', condition: etag } }),
      [404, 412],
    );
    if (result.ok) return ok(undefined);
    return fail(writeFailure(result.status));
  }

  /**
   * Casussen across partitions, each with its ETag. Cross-partition by design: lists span as many
   * partitions as they hold casussen. Conditions are code; values are parameters.
   */
  private async queryCasussen(condition: string, parameters: SqlParameter[], top?: number) {
    const query = `SELECT ${top === undefined ? '' : 'TOP @top '}* FROM c WHERE c.kind = "casus" AND ${condition}`;
    const all = top === undefined ? parameters : [...parameters, { name: '@top', value: top }];
    const { resources } = await storeCall((options) =>
      this.container.items
        .query<ItemDefinition & Resource>({ query, parameters: all }, options)
        .fetchAll(),
    );
    return resources.map(versioned);
  }

  async listRowsCreatedBy(personId: string, limit: number) {
    const query = `${MY_ROW_SELECT} WHERE c.kind = "casus" AND c.createdBy.id = @personId ORDER BY c.createdAt DESC`;
    const { resources } = await storeCall((options) =>
      this.container.items
        .query<Record<string, unknown> & { ts: number }>(
          {
            query,
            parameters: [
              { name: '@personId', value: personId },
              { name: '@top', value: limit },
              // One character more than a card shows: enough to tell that a name was longer.
              { name: '@nameMax', value: MY_ROW_NAME_MAX + 1 },
            ],
          },
          // One answer for the whole list, not a round trip per 100 rows.
          { ...options, maxItemCount: ROWS_PER_ANSWER },
        )
        .fetchAll(),
    );
    return resources.map(({ ts, ...row }) =>
      myCasusRowSchema.parse({ ...row, changedAt: new Date(ts * 1000).toISOString() }),
    );
  }

  async findByBetrokkeneKey(key: string, limit: number) {
    return this.queryCasussen('c.betrokkeneKey = @key', [{ name: '@key', value: key }], limit);
  }

  async findByBsnKey(key: string, limit: number) {
    return this.queryCasussen('c.bsnKey = @key', [{ name: '@key', value: key }], limit);
  }

  reserveNumber(casusNumber: string, casusId: string): Promise<void> {
    return this.numbers.reserve(casusNumber, casusId);
  }

  /**
   * Two point reads: the number's entry, then its casus. A casus numbered before entries existed
   * has none, and is found by a query (so is a number nobody has).
   */
  async findByNumber(casusNumber: string) {
    // Typed by a user ("casus LK-ROT-2026-0001#"): the SDK throws on such an id, and no casus has it.
    if (!CasusNumberEntries.possible(casusNumber)) return undefined;
    const casusId = await this.numbers.casusIdOf(casusNumber);
    if (casusId) {
      const casus = await this.get(casusId);
      return casus?.value.casusNumber === casusNumber ? casus : undefined;
    }
    const [found] = await this.queryCasussen('c.casusNumber = @casusNumber', [
      { name: '@casusNumber', value: casusNumber },
    ]);
    return found;
  }

  async listOpenRows(kamerIds: readonly string[], states: readonly CasusState[], limit: number) {
    const open = states.filter(isOpen);
    if (kamerIds.length === 0 || open.length === 0) return [];
    const query = `${LIST_ROW_SELECT} WHERE c.kind = "casus" AND ARRAY_CONTAINS(@kamers, c.kamerId) AND ARRAY_CONTAINS(@open, c.state)`;
    const resources = await this.queryRows(query, [
      { name: '@top', value: limit },
      { name: '@kamers', value: [...kamerIds] },
      { name: '@open', value: open },
    ]);
    return resources.map((row) => casusListRowSchema.parse(row));
  }

  async listInvitationsOf(objectId: string, limit: number) {
    // Ids are stored lower-case; one typed in upper case before that was normalised still counts.
    // Only open casussen with an invitation still to sign or taking part: the closed and ended
    // ones of a regular contact would otherwise fill the TOP and hide the one that matters now.
    const query = `SELECT TOP @top c.id, c.casusNumber, c.state, c.invitations FROM c WHERE c.kind = "casus" AND c.state != "afgesloten" AND EXISTS(SELECT VALUE i FROM i IN c.invitations WHERE i.proposal.contactpersoon.entraObjectId IN (@lower, @upper) AND i.state IN ("goedgekeurd", "ondertekend"))`;
    const resources = await this.queryRows(query, [
      { name: '@top', value: limit },
      { name: '@lower', value: objectId.toLowerCase() },
      { name: '@upper', value: objectId.toUpperCase() },
    ]);
    return resources.map((row) => inviteeCasusSchema.parse(row));
  }

  /** A projection's rows, in one store answer for the whole list, not a round trip per 100 rows. */
  private async queryRows(query: string, parameters: SqlParameter[]): Promise<unknown[]> {
    const { resources } = await storeCall((options) =>
      this.container.items
        .query({ query, parameters }, { ...options, maxItemCount: ROWS_PER_ANSWER })
        .fetchAll(),
    );
    return resources as unknown[];
  }

  listWithDueDeadline(now: string, limit: number) {
    return this.queryCasussen(
      'c.deadline.alertAt <= @now ORDER BY c.deadline.alertAt',
      [{ name: '@now', value: now }],
      limit,
    );
  }

  listRetentionDue(now: string, limit: number) {
    return this.queryCasussen(
      // Scalar paths only, so that each condition is served by an index.
      `NOT IS_DEFINED(c.anonymised.at) AND (
        (c.retention.expiresAt <= @now AND NOT IS_DEFINED(c.retention.hold.since))
        OR (NOT IS_DEFINED(c.retention.expiresAt) AND c.state IN ("afgesloten", "afgewezen")))`,
      [{ name: '@now', value: now }],
      limit,
    );
  }

  listWithPendingOutbox(limit: number) {
    return this.queryCasussen(
      'EXISTS(SELECT VALUE o FROM o IN c.outbox WHERE NOT IS_DEFINED(o.sentAt))',
      [],
      limit,
    );
  }
}
