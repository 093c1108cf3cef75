import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { CosmosClient } from '@azure/cosmos';
import { EMBEDDED_COSMOS_KEY } from '../../src/storage/embedded/embedded-cosmos';
import { storeContainers, type StoreContainers } from './store-containers';
import { tempDir } from './temp-dir';

export interface StoreProcess {
  endpoint: string;
  /** What a bot process needs to use this store. */
  env: Record<string, string>;
  containers(database?: string): StoreContainers;
  stop(): Promise<void>;
}

/**
 * The embedded Cosmos-compatible server in a process of its own, as a real account is outside
 * every bot instance: the bench's store process (bench/apps/store-process.ts), run from source,
 * so that the suite and the bench start the one same store.
 */
export async function startStoreProcess(timeoutMs = 30_000): Promise<StoreProcess> {
  const dir = await tempDir('store-process');
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'bench/apps/store-process.ts'], {
    env: { ...process.env, BENCH_STORE_DIR: dir.path },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit');
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const ready = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; endpoint?: string };
      if (entry.msg === 'store ready' && entry.endpoint) resolve(entry.endpoint);
    });
    void exited.then(([code]) => reject(new Error(`the store exited (${code}): ${stderr}`)));
    setTimeout(() => reject(new Error(`the store did not start: ${stderr}`)), timeoutMs).unref();
  });
  let endpoint: string;
  try {
    endpoint = await ready;
  } catch (error) {
    child.kill('SIGKILL');
    await dir.remove();
    throw error;
  }
  const client = new CosmosClient({
    endpoint,
    key: EMBEDDED_COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  return {
    endpoint,
    env: { COSMOS_ENDPOINT: endpoint, COSMOS_KEY: EMBEDDED_COSMOS_KEY },
    containers: (database = 'casusbot') => storeContainers(client, database),
    async stop() {
      client.dispose();
      // SIGTERM: the store closes its journal before it exits.
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await dir.remove();
    },
  };
}
