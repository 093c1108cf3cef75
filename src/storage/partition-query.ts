import type { Container, SqlParameter } from '@azure/cosmos';
import { storeCall } from './cosmos-errors';

/**
 * A query inside one logical partition. `options.partitionKey` alone does not scope a query on
 * every server (the embedded one ignores it), so the partition key is always in the WHERE clause
 * too. `condition` is code, never user input: values go in `parameters`.
 */
export async function queryPartition<T>(
  container: Container,
  partitionKeyField: string,
  partitionKey: string,
  condition: string,
  parameters: SqlParameter[] = [],
  orderBy = '',
): Promise<T[]> {
  const query = `SELECT * FROM c WHERE c.${partitionKeyField} = @partitionKey AND (${condition}) ${orderBy}`;
  const { resources } = await storeCall((options) =>
    container.items
      .query<T>(
        { query, parameters: [{ name: '@partitionKey', value: partitionKey }, ...parameters] },
        { ...options, partitionKey },
      )
      .fetchAll(),
  );
  return resources;
}
