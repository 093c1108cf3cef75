import type { Container, CosmosClient } from '@azure/cosmos';

/**
 * The store's containers the app uses, as a test reads and writes them beside the app. A type,
 * not an interface: `Object.values` of it is typed (an interface has no index signature).
 */
export type StoreContainers = {
  registry: Container;
  casussen: Container;
  conversations: Container;
  counters: Container;
  accessLog: Container;
};

export function storeContainers(client: CosmosClient, database: string): StoreContainers {
  const db = client.database(database);
  return {
    registry: db.container('registry'),
    casussen: db.container('casussen'),
    conversations: db.container('conversations'),
    counters: db.container('counters'),
    accessLog: db.container('access-log'),
  };
}
