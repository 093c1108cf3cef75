import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface LocalStart {
  child: ChildProcess;
  clientUrl: string;
  botUrl: string;
  exited: Promise<number | null>;
}

/** Runs what `npm start` runs (bot + Teams-like client) and waits for the printed URLs. */
export async function startLocal(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<LocalStart> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'scripts/start-local.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const urls = new Promise<{ clientUrl: string; botUrl: string }>((resolve, reject) => {
    let botUrl = '';
    createInterface({ input: child.stdout }).on('line', (line) => {
      botUrl = /casusbot\s+(http\S+)\/api\/messages/.exec(line)?.[1] ?? botUrl;
      const client = /Teams-like client (http\S+)/.exec(line)?.[1];
      if (client) resolve({ clientUrl: client, botUrl });
    });
    void exited.then((code) => reject(new Error(`npm start exited with ${code}`)));
    setTimeout(() => reject(new Error('npm start printed no URLs in time')), timeoutMs).unref();
  });
  try {
    return { child, exited, ...(await urls) };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}
