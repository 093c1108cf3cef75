import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import type { Readable } from 'node:stream';

export interface AppProcess {
  child: ChildProcess;
  botUrl: string;
  storeEndpoint: string | undefined;
  logs: Record<string, unknown>[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** The log lines that match, once there are at least `count` (they arrive through a pipe). */
  waitForLogs(
    match: (entry: Record<string, unknown>) => boolean,
    count: number,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>[]>;
}

/**
 * The process's output, a line per '\n': readline would also end a line at U+2028 and U+2029,
 * which JSON strings (a logged invoke name) may hold raw.
 */
function jsonLines(output: Readable | null): EventEmitter {
  const lines = new EventEmitter();
  let rest = '';
  output?.setEncoding('utf8');
  output?.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) if (line) lines.emit('line', line);
  });
  return lines;
}

/** Starts `bot/main.ts` as its own process, as `npm run start:bot` does, and waits until it listens. */
export async function startAppProcess(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'bot/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = jsonLines(child.stdout);
  const ready = new Promise<{ botUrl: string; storeEndpoint: string | undefined }>(
    (resolve, reject) => {
      let storeEndpoint: string | undefined;
      lines.on('line', (line: string) => {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'store ready')
          storeEndpoint = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(String(entry.store))?.[1];
        if (entry.msg === 'bot listening')
          resolve({ botUrl: String(entry.url).replace(/\/api\/messages$/, ''), storeEndpoint });
      });
      void exited.then((code) =>
        reject(new Error(`app exited with ${code} before listening: ${stderr}`)),
      );
      setTimeout(
        () => reject(new Error(`app did not listen within ${timeoutMs} ms: ${stderr}`)),
        timeoutMs,
      ).unref();
    },
  );
  const waitForLogs: AppProcess['waitForLogs'] = async (match, count, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = logs.filter(match);
      if (found.length >= count || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  try {
    return { child, logs, exited, waitForLogs, ...(await ready) };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}
