import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { startCasusbot, type RunningCasusbot } from '../../bot/casusbot-app';
import { parseConfig } from '../../src/config/config';
import { EMBEDDED_COSMOS_KEY } from '../../src/storage/embedded/embedded-cosmos';
import { createLogger } from '../../src/logging/logger';
import { executeActivity, messageActivity } from './activities';
import { cardProblems } from './adaptive-card-check';
import { cardOf, FakeConnector } from './fake-connector';
import { tempDir } from './temp-dir';
import { rememberPersonalValues } from './channel-privacy';
import { storeContainers, type StoreContainers } from './store-containers';

export interface BotHarness {
  url: string;
  connector: FakeConnector;
  post(activity: unknown): Promise<{ status: number; body: unknown }>;
  /**
   * The bot's own embedded store, through a second SDK client: for tests that write what the app
   * itself cannot (registry entries its import would refuse) or read what it wrote.
   */
  store(): StoreContainers;
  /** Where that store listens, for a child process (an operator script) to reach it too. */
  storeAccess(): { endpoint: string; key: string; database: string };
  stop(): Promise<void>;
}

/** POSTs an activity to a bot; the answer's body as JSON, or as text when it is not JSON. */
export async function postActivity(
  botUrl: string,
  activity: unknown,
): Promise<{ status: number; body: unknown }> {
  rememberPersonalValues((activity as { value?: unknown } | null)?.value);
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  } catch {
    return { status: response.status, body: text };
  }
}

/** A loopback port free right now, so the test knows where the bot's embedded store listens. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The real bot, in-process, on a loopback port with a fresh embedded store and a fake connector. */
export async function startBotHarness(
  env: Record<string, string> = {},
  /** When given, every log line (JSON) is collected here instead of being dropped. */
  logLines?: string[],
): Promise<BotHarness> {
  const dir = await tempDir('bot');
  const connector = await new FakeConnector().start();
  let bot: RunningCasusbot | undefined;
  let storePort = 0;
  let database = '';
  try {
    const config = parseConfig({
      PORT: '0',
      EMBEDDED_COSMOS_DATA_DIR: dir.path,
      EMBEDDED_COSMOS_PORT: String(await freePort()),
      DEMO_MODE: 'true',
      REGISTRY_SEED_FILE: 'seed/registry.demo.json',
      LOG_LEVEL: 'silent',
      ...env,
    });
    if (config.store.kind === 'embedded') storePort = config.store.port;
    database = config.store.database;
    const destination = logLines && { write: (line: string) => void logLines.push(line) };
    bot = await startCasusbot(config, createLogger(config.logLevel, destination));
  } catch (error) {
    await connector.stop();
    await dir.remove();
    throw error;
  }
  const running = bot;
  let client: CosmosClient | undefined;
  return {
    url: running.url,
    connector,
    post: (activity) => postActivity(running.url, activity),
    storeAccess() {
      if (!storePort) throw new Error('The bot does not use its embedded store');
      return { endpoint: `http://127.0.0.1:${storePort}`, key: EMBEDDED_COSMOS_KEY, database };
    },
    store() {
      if (!storePort) throw new Error('The bot does not use its embedded store');
      client ??= new CosmosClient({
        endpoint: `http://127.0.0.1:${storePort}`,
        key: EMBEDDED_COSMOS_KEY,
        connectionPolicy: { enableEndpointDiscovery: false },
      });
      return storeContainers(client, database);
    },
    async stop() {
      client?.dispose();
      await running.close();
      await connector.stop();
      await dir.remove();
    },
  };
}

export interface Conversation {
  /** Sends a chat message; resolves with the card the bot sent back (checked by the Adaptive Cards parser). */
  say(text: string): Promise<Record<string, unknown>>;
  /** Presses an Action.Execute button; resolves with the card that replaces it (checked likewise). */
  execute(verb: string, data: unknown): Promise<Record<string, unknown>>;
}

/** A chat with the bot as one Teams user: their personal chat unless said otherwise. */
export function talkAs(
  bot: Pick<BotHarness, 'connector' | 'post'>,
  aadObjectId: string,
  conversationType: 'personal' | 'channel' | 'groupChat' = 'personal',
): Conversation {
  const options = () => ({ serviceUrl: bot.connector.serviceUrl, aadObjectId, conversationType });
  return {
    async say(text) {
      const activity = messageActivity(text, options());
      const response = await bot.post(activity);
      if (response.status !== 200)
        throw new Error(`POST /api/messages answered ${response.status}`);
      // The reply, not a notification that another turn happened to send meanwhile.
      const card = cardOf(await bot.connector.waitForReply(activity.id));
      assertCleanCard(card);
      return card;
    },
    async execute(verb, data) {
      const response = await bot.post(executeActivity(verb, data, options()));
      const body = response.body as {
        statusCode?: number;
        type?: string;
        value?: Record<string, unknown>;
      };
      if (
        response.status !== 200 ||
        body.statusCode !== 200 ||
        body.type !== 'application/vnd.microsoft.card.adaptive' ||
        !body.value
      ) {
        throw new Error(
          `Invoke answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`,
        );
      }
      assertCleanCard(body.value);
      return body.value;
    },
  };
}

function assertCleanCard(card: unknown): void {
  const problems = cardProblems(card);
  if (problems.length > 0)
    throw new Error(`The bot sent a card with problems: ${problems.join('; ')}`);
}
