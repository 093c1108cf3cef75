import { CosmosClient, type Container } from '@azure/cosmos';
import {
  EMBEDDED_COSMOS_KEY,
  startEmbeddedCosmos,
  type EmbeddedCosmos,
} from '../../src/storage/embedded/embedded-cosmos';
import { startAppProcess, type AppProcess } from './app-process';
import { postActivity, type BotHarness } from './bot-harness';
import { FakeConnector } from './fake-connector';
import { StoreProxy } from './store-proxy';
import { tempDir } from './temp-dir';

export interface FaultyStoreBot extends BotHarness {
  app: AppProcess;
  proxy: StoreProxy;
}

/**
 * The bot as its own process (demo registry), whose store is reached only through a loopback
 * proxy that can refuse, blackhole or cut answers. The test itself reads the store directly.
 */
export async function startFaultyStoreBot(
  env: Record<string, string> = {},
): Promise<FaultyStoreBot> {
  const dir = await tempDir('faulty-store');
  const embedded: EmbeddedCosmos = await startEmbeddedCosmos({ dataDir: dir.path, port: 0 });
  const proxy = await new StoreProxy(embedded.endpoint).start();
  const connector = await new FakeConnector().start();
  const client = new CosmosClient({
    endpoint: embedded.endpoint,
    key: EMBEDDED_COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const app = await startAppProcess({
    PORT: '0',
    DEMO_MODE: 'true',
    COSMOS_ENDPOINT: proxy.url,
    COSMOS_KEY: EMBEDDED_COSMOS_KEY,
    ...env,
  });
  const container = (name: string): Container => client.database('casusbot').container(name);
  return {
    app,
    proxy,
    connector,
    url: app.botUrl,
    post: (activity) => postActivity(app.botUrl, activity),
    store: () => ({ registry: container('registry'), casussen: container('casussen') }),
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
