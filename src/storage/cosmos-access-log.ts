import type { Container, SqlParameter } from '@azure/cosmos';
import type { AccessLogStore, Period } from '../app/access/access-log';
import { accessRecordSchema, type AccessRecord } from '../domain/access/access-record.schema';
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

  ofCasus(casusId: string, period: Period, limit: number): Promise<AccessRecord[]> {
    // The partition key in the WHERE clause too: the embedded server ignores the option.
    return this.query('c.casusId = @id', casusId, period, limit, casusId);
  }

  ofPerson(personId: string, period: Period, limit: number): Promise<AccessRecord[]> {
    return this.query('c.actor.personId = @id', personId, period, limit);
  }

  private async query(
    condition: string,
    id: string,
    period: Period,
    limit: number,
    partitionKey?: string,
  ): Promise<AccessRecord[]> {
    // TOP, not OFFSET LIMIT: the embedded server has no OFFSET (platform notes).
    const parameters: SqlParameter[] = [
      { name: '@top', value: Math.max(1, Math.trunc(limit)) },
      { name: '@id', value: id },
      { name: '@from', value: period.from },
      { name: '@to', value: period.to },
    ];
    const query = `SELECT TOP @top * FROM c WHERE ${condition} AND c.at >= @from AND c.at < @to ORDER BY c.at ASC`;
    const { resources } = await storeCall((options) =>
      this.container.items
        .query<unknown>(
          { query, parameters },
          { ...options, ...(partitionKey && { partitionKey }) },
        )
        .fetchAll(),
    );
    return resources.map((row) => accessRecordSchema.parse(row));
  }
}
