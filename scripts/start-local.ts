// `npm start`: the bot with the embedded store (demo mode unless set otherwise) plus the local
// Teams-like client (Microsoft 365 Agents Playground), offline and without telemetry.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PinoPretty } from 'pino-pretty';
import { configAs, userAadObjectId } from './playground-config';
import { startTeamsClient } from './teams-client';
import { startCasusbot } from '../bot/casusbot-app';
import {
  exitOnStartFailure,
  logUnhandledRejections,
  parseConfigOrExit,
  stopOnSignals,
} from '../bot/process-lifecycle';
import { describeConfig } from '../src/config/config';
import { createLogger } from '../src/logging/logger';

const root = join(__dirname, '..');

/**
 * The client's config: the committed one, or with PLAYGROUND_USER (a name or an aadObjectId of
 * its users) as the current user, written to .data/ (the client has no user switcher).
 */
function clientConfig(user: string | undefined): string {
  const committed = join(root, 'playground', '.m365agentsplayground.yml');
  if (!user) return committed;
  const yml = readFileSync(committed, 'utf8');
  const dir = join(root, '.data', 'playground');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, '.m365agentsplayground.yml');
  writeFileSync(path, configAs(yml, userAadObjectId(yml, user)));
  return path;
}

async function main(): Promise<void> {
  const config = parseConfigOrExit({ DEMO_MODE: 'true', ...process.env });
  // Readable logs for a person at a terminal; JSON (as in production) when piped.
  const logger = createLogger(
    config.logLevel,
    process.stdout.isTTY ? PinoPretty({ colorize: true }) : undefined,
  );
  logger.info({ config: describeConfig(config) }, 'starting');
  logUnhandledRejections(logger);
  const bot = await startCasusbot(config, logger);
  mkdirSync(join(root, '.data'), { recursive: true });
  const client = await startTeamsClient({
    botUrl: bot.url,
    port: Number(process.env.PLAYGROUND_PORT ?? 56150),
    configPath: clientConfig(process.env.PLAYGROUND_USER),
    logFile: join(root, '.data', 'playground.log'),
  });
  process.stdout.write(
    [
      '',
      `  casusbot          ${bot.url}/api/messages  (health: ${bot.url}/healthz)`,
      `  Teams-like client ${client.url}  <- open this in your browser`,
      config.demoMode ? '  Demo mode: say "help", or "rol" to take on another role.' : '',
      '  Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );
  stopOnSignals(() => Promise.all([client.stop(), bot.close()]), logger);
}

main().catch(exitOnStartFailure);
