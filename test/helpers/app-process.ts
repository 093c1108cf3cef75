import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

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
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise<{ botUrl: string; storeEndpoint: string | undefined }>(
    (resolve, reject) => {
      let storeEndpoint: string | undefined;
      lines.on('line', (line) => {
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
