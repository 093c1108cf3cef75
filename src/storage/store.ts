import {
  CosmosClient,
  type Container,
  type CosmosClientOptions,
  type Database,
} from '@azure/cosmos';
import type { TokenCredential } from '@azure/identity';
import type { StoreConfig } from '../config/config';
import { containerDefinitions, containerNames, type ContainerName } from './containers';
import { cosmosCredential } from './cosmos-credential';
import { startEmbeddedCosmos, type EmbeddedCosmos } from './embedded/embedded-cosmos';

/** Creating a database or container on a real account can take seconds; turns never wait for it. */
const STARTUP_REQUEST_TIMEOUT_MS = 10_000;
/** App Service's health probe must get its 503 quickly when the store hangs. */
const HEALTH_CHECK_TIMEOUT_MS = 1_000;

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
export async function openStore(
  config: StoreConfig,
  options: OpenStoreOptions = {},
): Promise<Store> {
  const { endpoint, auth, description, embedded } = await connect(config, options);
  const client = new CosmosClient({
    endpoint,
    ...auth,
    agent: options.agent,
    connectionPolicy: {
      // The embedded server advertises https addresses it does not serve; a real account is single-region here.
      enableEndpointDiscovery: false,
      // One attempt's upper bound; a call's whole budget (STORE_CALL_TIMEOUT_MS) is an abort signal.
      requestTimeout: STARTUP_REQUEST_TIMEOUT_MS,
    },
  });
  try {
    const { database } = await client.databases.createIfNotExists({ id: config.database });
    const containers = {} as Record<ContainerName, Container>;
    // In Azure the Bicep created them: createIfNotExists then only reads, which data-plane RBAC allows.
    for (const name of containerNames) {
      containers[name] = (
        await database.containers.createIfNotExists(containerDefinitions[name])
      ).container;
    }
    await embedded?.markInUse();
    return {
      description,
      database,
      containers,
      async isHealthy() {
        if (embedded && !embedded.healthy) return false;
        try {
          await database.read({ abortSignal: AbortSignal.timeout(HEALTH_CHECK_TIMEOUT_MS) });
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

export interface OpenStoreOptions {
  /** Replaces the Entra ID credential the config would choose; for tests of the Entra path. */
  credential?: TokenCredential;
  /** The HTTP agent, e.g. one that trusts a test's own TLS certificate (tokens need https). */
  agent?: CosmosClientOptions['agent'];
}

interface Connection {
  endpoint: string;
  auth: Pick<CosmosClientOptions, 'key' | 'aadCredentials'>;
  description: string;
  embedded?: EmbeddedCosmos;
}

async function connect(config: StoreConfig, options: OpenStoreOptions): Promise<Connection> {
  if (config.kind === 'cosmos') {
    const { auth } = config;
    return {
      endpoint: config.endpoint,
      auth:
        auth.kind === 'key'
          ? { key: auth.key }
          : { aadCredentials: options.credential ?? cosmosCredential(auth.clientId) },
      description: `Azure Cosmos DB at ${config.endpoint} (${auth.kind === 'key' ? 'key' : 'Entra ID'})`,
    };
  }
  const embedded = await startEmbeddedCosmos(config);
  return {
    endpoint: embedded.endpoint,
    auth: { key: embedded.key },
    description: `embedded Cosmos-compatible server at ${embedded.endpoint}, journal in ${config.dataDir}`,
    embedded,
  };
}
