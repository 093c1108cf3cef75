import type { Container, ItemDefinition, Resource } from '@azure/cosmos';
import type { CasusRepository, Versioned } from '../domain/casus/casus.repository';
import { isOpen } from '../domain/casus/casus-machine';
import { casusSchema, casusStateSchema, type Casus } from '../domain/casus/casus.schema';
import { fail, ok } from '../domain/shared/result';
import { storeCall, storeCallExpecting } from './cosmos-errors';

function versioned(resource: (ItemDefinition & Resource) | undefined): Versioned<Casus> {
  if (!resource) throw new Error('Cosmos returned no resource for a successful write');
  // Parsing what comes back keeps a document written by another version from leaking in unchecked.
  return { value: casusSchema.parse(resource), etag: resource._etag };
}

/** Casussen in Cosmos DB: one document per casus, partition key = casus id. */
export class CosmosCasusRepository implements CasusRepository {
  constructor(private readonly container: Container) {}

  async create(casus: Casus) {
    const result = await storeCallExpecting(() => this.container.items.create(casus), [409]);
    return result.ok ? ok(versioned(result.value.resource)) : fail('already-exists' as const);
  }

  async get(id: string) {
    const result = await storeCallExpecting(() => this.container.item(id, id).read<Casus>(), [404]);
    if (!result.ok || !result.value.resource) return undefined;
    return versioned(result.value.resource);
  }

  async replace(casus: Casus, etag: string) {
    const result = await storeCallExpecting(
      () =>
        this.container
          .item(casus.id, casus.id)
          .replace(casus, { accessCondition: { type: 'IfMatch', condition: etag } }),
      [404, 412],
    );
    if (result.ok) return ok(versioned(result.value.resource));
    return fail(result.status === 412 ? ('conflict' as const) : ('not-found' as const));
  }

  async delete(id: string, etag: string) {
    const result = await storeCallExpecting(
      () =>
        this.container
          .item(id, id)
          .delete({ accessCondition: { type: 'IfMatch', condition: etag } }),
      [404, 412],
    );
    if (result.ok) return ok(undefined);
    return fail(result.status === 412 ? ('conflict' as const) : ('not-found' as const));
  }

  /** A cross-partition query by design: a person's casussen live in as many partitions as they have casussen. */
  async listCreatedBy(personId: string, limit: number) {
    const { resources } = await storeCall(() =>
      this.container.items
        .query<unknown>({
          query:
            'SELECT TOP @limit * FROM c WHERE c.kind = "casus" AND c.createdBy.id = @personId ORDER BY c.createdAt DESC',
          parameters: [
            { name: '@personId', value: personId },
            { name: '@limit', value: limit },
          ],
        })
        .fetchAll(),
    );
    return resources.map((resource) => casusSchema.parse(resource));
  }

  async findByNumber(casusNumber: string) {
    const { resources } = await storeCall(() =>
      this.container.items
        .query<ItemDefinition & Resource>({
          query: 'SELECT * FROM c WHERE c.kind = "casus" AND c.casusNumber = @casusNumber',
          parameters: [{ name: '@casusNumber', value: casusNumber }],
        })
        .fetchAll(),
    );
    const [found] = resources;
    return found ? versioned(found) : undefined;
  }

  async listOpenInKamer(kamerId: string) {
    const { resources } = await storeCall(() =>
      this.container.items
        .query<unknown>({
          query:
            'SELECT * FROM c WHERE c.kind = "casus" AND c.kamerId = @kamerId AND ARRAY_CONTAINS(@open, c.state)',
          parameters: [
            { name: '@kamerId', value: kamerId },
            { name: '@open', value: casusStateSchema.options.filter(isOpen) },
          ],
        })
        .fetchAll(),
    );
    return resources.map((resource) => casusSchema.parse(resource));
  }

  async listWithPendingOutbox(limit: number) {
    const { resources } = await storeCall(() =>
      this.container.items
        .query<ItemDefinition & Resource>({
          query:
            'SELECT TOP @limit * FROM c WHERE c.kind = "casus" AND EXISTS(SELECT VALUE o FROM o IN c.outbox WHERE NOT IS_DEFINED(o.sentAt))',
          parameters: [{ name: '@limit', value: limit }],
        })
        .fetchAll(),
    );
    return resources.map(versioned);
  }
}
