import { CosmosClient } from '@azure/cosmos';
import {
  EMBEDDED_COSMOS_KEY,
  startEmbeddedCosmos,
  type EmbeddedCosmos,
} from '../../src/storage/embedded/embedded-cosmos';
import { startAppProcess, type AppProcess } from './app-process';
import { postActivity, type BotHarness } from './bot-harness';
import { FakeConnector } from './fake-connector';
import { storeContainers } from './store-containers';
import { StoreProxy } from './store-proxy';
import { tempDir } from './temp-dir';

export interface BotProcess extends BotHarness {
  app: AppProcess;
  proxy: StoreProxy;
  /** What another bot process needs to use the same store. */
  storeEnv: Record<string, string>;
}

/**
 * The bot as its own process (`npm run start:bot`, demo registry), whose store is reached only
 * through a loopback proxy that can refuse, blackhole or cut answers. The test itself reads the
 * store directly, and can point a second bot process at the same store (`storeEnv`).
 */
export async function startBotProcess(env: Record<string, string> = {}): Promise<BotProcess> {
  const dir = await tempDir('bot-process');
  const embedded: EmbeddedCosmos = await startEmbeddedCosmos({ dataDir: dir.path, port: 0 });
  const proxy = await new StoreProxy(embedded.endpoint).start();
  const connector = await new FakeConnector().start();
  const client = new CosmosClient({
    endpoint: embedded.endpoint,
    key: EMBEDDED_COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const storeEnv = { COSMOS_ENDPOINT: proxy.url, COSMOS_KEY: EMBEDDED_COSMOS_KEY };
  const app = await startAppProcess({ PORT: '0', DEMO_MODE: 'true', ...storeEnv, ...env });
  return {
    app,
    proxy,
    storeEnv,
    connector,
    url: app.botUrl,
    post: (activity) => postActivity(app.botUrl, activity),
    storeAccess: () => ({
      endpoint: embedded.endpoint,
      key: EMBEDDED_COSMOS_KEY,
      database: 'casusbot',
    }),
    store: () => storeContainers(client, 'casusbot'),
    async stop() {
      if (app.child.exitCode === null) app.child.kill('SIGKILL');
      await app.exited;
      client.dispose();
      await proxy.stop();
      await connector.stop();
      await embedded.close();
      await dir.remove();
    },
  };
}
