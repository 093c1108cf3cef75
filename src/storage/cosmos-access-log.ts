import type { Container } from '@azure/cosmos';
import type { AccessLogStore, Period } from '../app/access/access-log';
import { accessRecordSchema, type AccessRecord } from '../domain/access/access-record.schema';
import { queryPartition } from './partition-query';
import { storeCall } from './cosmos-errors';

/**
 * The access log in its own container, partitioned by casus: "who saw casus X" is one partition,
 * "what did person Y see" a cross-partition query on the indexed actor id and time. Only creates:
 * a record with an id that exists already is refused by the store, never overwritten.
 */
export class CosmosAccessLog implements AccessLogStore {
  constructor(private readonly container: Container) {}

  async append(record: AccessRecord): Promise<void> {
    await storeCall((options) =>
      this.container.items.create(accessRecordSchema.parse(record), options),
    );
  }

  async ofCasus(casusId: string, period: Period, limit: number): Promise<AccessRecord[]> {
    const rows = await queryPartition<unknown>(
      this.container,
      'casusId',
      casusId,
      'c.at >= @from AND c.at < @to',
      [
        { name: '@from', value: period.from },
        { name: '@to', value: period.to },
      ],
      `ORDER BY c.at ASC OFFSET 0 LIMIT ${Math.trunc(limit)}`,
    );
    return rows.map((row) => accessRecordSchema.parse(row));
  }

  async ofPerson(personId: string, period: Period, limit: number): Promise<AccessRecord[]> {
    const { resources } = await storeCall((options) =>
      this.container.items
        .query<unknown>(
          {
            query: `SELECT * FROM c WHERE c.actor.personId = @personId AND c.at >= @from AND c.at < @to ORDER BY c.at ASC OFFSET 0 LIMIT ${Math.trunc(limit)}`,
            parameters: [
              { name: '@personId', value: personId },
              { name: '@from', value: period.from },
              { name: '@to', value: period.to },
            ],
          },
          options,
        )
        .fetchAll(),
    );
    return resources.map((row) => accessRecordSchema.parse(row));
  }
}
