// `npm start`: the bot with the embedded store (demo mode unless set otherwise) plus the local
// Teams-like client (Microsoft 365 Agents Playground), offline and without telemetry.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PinoPretty } from 'pino-pretty';
import { startCasusbot } from '../bot/casusbot-app';
import { exitOnStartFailure, parseConfigOrExit, stopOnSignals } from '../bot/process-lifecycle';
import { describeConfig } from '../src/config/config';
import { createLogger } from '../src/logging/logger';

const root = join(__dirname, '..');

async function startClient(
  botUrl: string,
  port: number,
): Promise<{ url: string; stop(): Promise<void> }> {
  mkdirSync(join(root, '.data'), { recursive: true });
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const args = [
    cli,
    '-e',
    `${botUrl}/api/messages`,
    '-c',
    'msteams',
    '-p',
    String(port),
    '--disable-telemetry',
  ];
  const child = spawn(
    process.execPath,
    [join(__dirname, 'child-guard.cjs'), process.execPath, ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(root, 'playground', '.m365agentsplayground.yml'),
        M365_AGENTS_PLAYGROUND_LOGFILE: join(root, '.data', 'playground.log'),
      },
    },
  );
  const exited = once(child, 'exit');
  // The client picks another port when its own is taken, and says so only in its "Listening on" line.
  let actualPort = port;
  for await (const line of createInterface({ input: child.stdout })) {
    const match = /Listening on (\d+)/.exec(line);
    if (match) {
      actualPort = Number(match[1]);
      break;
    }
  }
  const url = `http://localhost:${actualPort}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) break;
    const pong = await fetch(`${url}/_debug/ping`).then(
      (r) => r.text(),
      () => '',
    );
    if (pong.includes('pong'))
      return { url, stop: async () => void (child.kill('SIGTERM'), await exited) };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error('The Teams-like client did not start: see .data/playground.log');
}

async function main(): Promise<void> {
  const config = parseConfigOrExit({ DEMO_MODE: 'true', ...process.env });
  // Readable logs for a person at a terminal; JSON (as in production) when piped.
  const logger = createLogger(
    config.logLevel,
    process.stdout.isTTY ? PinoPretty({ colorize: true }) : undefined,
  );
  logger.info({ config: describeConfig(config) }, 'starting');
  const bot = await startCasusbot(config, logger);
  const client = await startClient(bot.url, Number(process.env.PLAYGROUND_PORT ?? 56150));
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
