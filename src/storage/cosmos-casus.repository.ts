import type { Container, ItemDefinition, Resource, SqlParameter } from '@azure/cosmos';
import type { CasusRepository, Versioned } from '../domain/casus/casus.repository';
import { isOpen } from '../domain/casus/casus-machine';
import { casusSchema, casusStateSchema, type Casus } from '../domain/casus/casus.schema';
import { fail, ok } from '../domain/shared/result';
import { storeCall, storeCallExpecting, storeWrite } from './cosmos-errors';

function versioned(resource: (ItemDefinition & Resource) | undefined): Versioned<Casus> {
  if (!resource) throw new Error('Cosmos returned no resource for a successful write');
  // Parsing what comes back keeps a document written by another version from leaking in unchecked.
  return { value: casusSchema.parse(resource), etag: resource._etag };
}

function writeFailure(status: 404 | 412 | 'outcome-unknown') {
  if (status === 'outcome-unknown') return status;
  return status === 412 ? ('conflict' as const) : ('not-found' as const);
}

/** Casussen in Cosmos DB: one document per casus, partition key = casus id. */
export class CosmosCasusRepository implements CasusRepository {
  constructor(private readonly container: Container) {}

  async create(casus: Casus) {
    const result = await storeWrite(
      (options) => this.container.items.create(casus, options),
      [409],
    );
    if (result.ok) return ok(versioned(result.value.resource));
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
    if (result.ok) return ok(versioned(result.value.resource));
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

  async listCreatedBy(personId: string, limit: number) {
    const rows = await this.queryCasussen(
      'c.createdBy.id = @personId ORDER BY c.createdAt DESC',
      [{ name: '@personId', value: personId }],
      limit,
    );
    return rows.map((row) => row.value);
  }

  async findByNumber(casusNumber: string) {
    const [found] = await this.queryCasussen('c.casusNumber = @casusNumber', [
      { name: '@casusNumber', value: casusNumber },
    ]);
    return found;
  }

  async listOpenInKamer(kamerId: string) {
    const rows = await this.queryCasussen(
      'c.kamerId = @kamerId AND ARRAY_CONTAINS(@open, c.state)',
      [
        { name: '@kamerId', value: kamerId },
        { name: '@open', value: casusStateSchema.options.filter(isOpen) },
      ],
    );
    return rows.map((row) => row.value);
  }

  listWithPendingOutbox(limit: number) {
    return this.queryCasussen(
      'EXISTS(SELECT VALUE o FROM o IN c.outbox WHERE NOT IS_DEFINED(o.sentAt))',
      [],
      limit,
    );
  }
}
