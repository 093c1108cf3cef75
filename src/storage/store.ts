import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import type { StoreConfig } from '../config/config';
import { containerDefinitions, type ContainerName } from './containers';
import { startEmbeddedCosmos, type EmbeddedCosmos } from './embedded/embedded-cosmos';

export interface Store {
  /** Where the data lives, for the log: never contains a key. */
  readonly description: string;
  readonly database: Database;
  readonly containers: Record<ContainerName, Container>;
  /** True when the store answers and, for the embedded one, its journal is intact. */
  isHealthy(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Opens the store through `@azure/cosmos`, the same code path for a real account and for the
 * embedded server, and creates the database and containers that are missing.
 */
export async function openStore(config: StoreConfig): Promise<Store> {
  const { endpoint, key, description, embedded } = await connect(config);
  const client = new CosmosClient({
    endpoint,
    key,
    // The embedded server advertises https addresses it does not serve; a real account is single-region here.
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const { database } = await client.databases.createIfNotExists({ id: config.database });
    const containers = {} as Record<ContainerName, Container>;
    for (const [name, definition] of Object.entries(containerDefinitions) as [
      ContainerName,
      (typeof containerDefinitions)[ContainerName],
    ][]) {
      containers[name] = (await database.containers.createIfNotExists(definition)).container;
    }
    return {
      description,
      database,
      containers,
      async isHealthy() {
        if (embedded && !embedded.healthy) return false;
        try {
          await database.read();
          return true;
        } catch {
          return false; // unhealthy is the answer, not an error
        }
      },
      async close() {
        client.dispose();
        await embedded?.close();
      },
    };
  } catch (error) {
    client.dispose();
    await embedded?.close();
    throw error;
  }
}

interface Connection {
  endpoint: string;
  key: string;
  description: string;
  embedded?: EmbeddedCosmos;
}

async function connect(config: StoreConfig): Promise<Connection> {
  if (config.kind === 'cosmos') {
    return {
      endpoint: config.endpoint,
      key: config.key,
      description: `Azure Cosmos DB at ${config.endpoint}`,
    };
  }
  const embedded = await startEmbeddedCosmos(config);
  return {
    endpoint: embedded.endpoint,
    key: embedded.key,
    description: `embedded Cosmos-compatible server at ${embedded.endpoint}, journal in ${config.dataDir}`,
    embedded,
  };
}
