import { startCasusbot, type RunningCasusbot } from '../../bot/casusbot-app';
import { parseConfig } from '../../src/config/config';
import { createLogger } from '../../src/logging/logger';
import { FakeConnector } from './fake-connector';
import { tempDir } from './temp-dir';

export interface BotHarness {
  url: string;
  connector: FakeConnector;
  post(activity: unknown): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/** The real bot, in-process, on a loopback port with a fresh embedded store and a fake connector. */
export async function startBotHarness(env: Record<string, string> = {}): Promise<BotHarness> {
  const dir = await tempDir('bot');
  const connector = await new FakeConnector().start();
  let bot: RunningCasusbot | undefined;
  try {
    const config = parseConfig({
      PORT: '0',
      EMBEDDED_COSMOS_DATA_DIR: dir.path,
      DEMO_MODE: 'true',
      REGISTRY_SEED_FILE: 'seed/registry.demo.json',
      LOG_LEVEL: 'silent',
      ...env,
    });
    bot = await startCasusbot(config, createLogger(config.logLevel));
  } catch (error) {
    await connector.stop();
    await dir.remove();
    throw error;
  }
  const running = bot;
  return {
    url: running.url,
    connector,
    async post(activity) {
      const response = await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    async stop() {
      await running.close();
      await connector.stop();
      await dir.remove();
    },
  };
}
