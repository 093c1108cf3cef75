import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = join(__dirname, '..');

export interface TeamsClient {
  url: string;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Starts the local Teams-like client (Microsoft 365 Agents Playground) against a bot: offline, no
 * telemetry, no browser of its own, through child-guard.cjs so it never outlives its parent.
 * Resolves once it listens and answers its ping. Used by `npm start` and by the browser tests.
 */
export async function startTeamsClient(options: {
  botUrl: string;
  port: number;
  configPath: string;
  logFile: string;
  timeoutMs?: number;
}): Promise<TeamsClient> {
  const { botUrl, port, configPath, logFile, timeoutMs = 60_000 } = options;
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none',
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
  };
  // Each instance must use its own port as its service URL: none inherited from the shell.
  delete env.M365_AGENTS_PLAYGROUND_SERVICE_URL;
  delete env.M365_AGENTS_PLAYGROUND_CONVERSATION_ID;
  const child = spawn(
    process.execPath,
    [
      join(root, 'scripts', 'child-guard.cjs'),
      process.execPath,
      cli,
      '-e',
      `${botUrl}/api/messages`,
      '-c',
      'msteams',
      '-p',
      String(port),
      '--disable-telemetry',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  const exited = once(child, 'exit');
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  const failure = (why: string) =>
    new Error(`The Teams-like client ${why}; see ${logFile}${stderr ? `: ${stderr}` : ''}`);

  try {
    // The client picks another port when its own is taken, and says so only in "Listening on".
    const listening = new Promise<number>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const match = /Listening on (\d+)/.exec(line);
        if (match) resolve(Number(match[1]));
      });
      void exited.then(() => reject(failure('exited before listening')));
      setTimeout(() => reject(failure(`did not listen within ${timeoutMs} ms`)), timeoutMs).unref();
    });
    const url = `http://localhost:${await listening}`;
    for (let attempt = 0; attempt < 100; attempt++) {
      if (child.exitCode !== null) break;
      const pong = await fetch(`${url}/_debug/ping`).then(
        (response) => response.text(),
        () => '',
      );
      if (pong.includes('pong')) return { url, logFile, stop };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw failure('did not answer its ping');
  } catch (error) {
    await stop();
    throw error;
  }
}
