import { startCasusbot, type RunningCasusbot } from '../../bot/casusbot-app';
import { parseConfig } from '../../src/config/config';
import { createLogger } from '../../src/logging/logger';
import { executeActivity, messageActivity } from './activities';
import { cardProblems } from './adaptive-card-check';
import { cardOf, FakeConnector } from './fake-connector';
import { tempDir } from './temp-dir';

export interface BotHarness {
  url: string;
  connector: FakeConnector;
  post(activity: unknown): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
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
  try {
    const config = parseConfig({
      PORT: '0',
      EMBEDDED_COSMOS_DATA_DIR: dir.path,
      DEMO_MODE: 'true',
      REGISTRY_SEED_FILE: 'seed/registry.demo.json',
      LOG_LEVEL: 'silent',
      ...env,
    });
    const destination = logLines && { write: (line: string) => void logLines.push(line) };
    bot = await startCasusbot(config, createLogger(config.logLevel, destination));
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
      const json = (() => {
        try {
          return text ? (JSON.parse(text) as unknown) : undefined;
        } catch {
          return text; // not JSON: the body as text
        }
      })();
      return { status: response.status, body: json };
    },
    async stop() {
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
  bot: BotHarness,
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
