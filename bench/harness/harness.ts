import { CosmosClient, type Container } from '@azure/cosmos';
import { EMBEDDED_COSMOS_KEY } from '../../src/storage/embedded/embedded-cosmos';
import { FakeConnector } from '../../test/helpers/fake-connector';
import { signingEnv } from '../../test/helpers/signing-env';
import { tempDir } from '../../test/helpers/temp-dir';
import { floorDocument, FLOOR_CONTAINER, FLOOR_DATABASE } from '../apps/floor-documents';
import { compileProcesses } from './compiled';
import { MeteredChild } from './metered-child';

/** Concurrent callers of the floor with store, each with its own document. */
export const FLOOR_DOCUMENTS = 16;

/** The three processes the bench measures against, the fake connector, and the store's data. */
export interface Harness {
  connector: FakeConnector;
  bot: MeteredChild;
  floor: MeteredChild;
  urls: { bot: string; floor: string };
  casussen: Container;
  /** Where the app keeps casus number entries (and its counters). */
  counters: Container;
  registry: Container;
  stop(): Promise<void>;
}

/** Only what a process needs to run, so that no setting of the caller's shell leaks in. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = { NODE_ENV: 'production' };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/**
 * The bot as production runs it (NODE_ENV=production, no demo mode, info logs, the signing keys
 * set), except that it is anonymous (no Bot Framework token: there is no Azure Bot here) and its
 * Cosmos account is the embedded store. The periodic outbox sweep is an hour apart so that it
 * does not land in a measurement; a turn's own deliveries run as always.
 */
function botEnv(storeEndpoint: string): Record<string, string> {
  const { LINK_TOKEN_SECRET, EVIDENCE_SIGNING_KEY } = signingEnv();
  return {
    ...baseEnv(),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DEMO_MODE: 'false',
    COSMOS_ENDPOINT: storeEndpoint,
    COSMOS_KEY: EMBEDDED_COSMOS_KEY,
    REGISTRY_SEED_FILE: 'seed/registry.demo.json',
    OUTBOX_SWEEP_INTERVAL_MS: '3600000',
    LINK_TOKEN_SECRET: LINK_TOKEN_SECRET ?? '',
    EVIDENCE_SIGNING_KEY: EVIDENCE_SIGNING_KEY ?? '',
    ...(process.env.BENCH_CPU_PROF && { BENCH_CPU_PROF: process.env.BENCH_CPU_PROF }),
  };
}

export async function startHarness(): Promise<Harness> {
  await compileProcesses();
  const dir = await tempDir('bench-store');
  const started: { stop(): Promise<void> }[] = [];
  try {
    const connector = await new FakeConnector().start();
    started.push(connector);
    const store = await MeteredChild.start({
      entry: 'bench/apps/store-process.ts',
      env: { ...baseEnv(), BENCH_STORE_DIR: dir.path },
      metered: false,
      ready: (entry) => (entry.msg === 'store ready' ? String(entry.endpoint) : undefined),
    });
    started.push(store);
    const endpoint = store.readyValue;
    const [bot, floor] = await Promise.all([
      MeteredChild.start({
        entry: 'bot/main.ts',
        env: botEnv(endpoint),
        metered: true,
        preload: [
          'bench/meter/mark-notifier.ts',
          ...(process.env.BENCH_CPU_PROF ? ['bench/meter/cpu-profile.ts'] : []),
        ],
        ready: (entry) =>
          entry.msg === 'bot listening'
            ? String(entry.url).replace(/\/api\/messages$/, '')
            : undefined,
      }),
      MeteredChild.start({
        entry: 'bench/apps/floor-app.ts',
        env: { ...baseEnv(), COSMOS_ENDPOINT: endpoint, COSMOS_KEY: EMBEDDED_COSMOS_KEY },
        metered: true,
        ready: (entry) => (entry.msg === 'floor listening' ? String(entry.url) : undefined),
      }),
    ]);
    started.push(bot, floor);
    const client = new CosmosClient({
      endpoint,
      key: EMBEDDED_COSMOS_KEY,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    started.push({ stop: () => Promise.resolve(client.dispose()) });
    const app = client.database('casusbot');
    const floorDocuments = client.database(FLOOR_DATABASE).container(FLOOR_CONTAINER);
    for (let i = 0; i < FLOOR_DOCUMENTS; i++) await floorDocuments.items.upsert(floorDocument(i));
    return {
      connector,
      bot,
      floor,
      urls: { bot: bot.readyValue, floor: floor.readyValue },
      casussen: app.container('casussen'),
      counters: app.container('counters'),
      registry: app.container('registry'),
      async stop() {
        for (const part of started.reverse()) await part.stop();
        await dir.remove();
      },
    };
  } catch (error) {
    for (const part of started.reverse()) await part.stop().catch(() => undefined);
    await dir.remove();
    throw error;
  }
}
