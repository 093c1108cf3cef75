import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { MeterReply, MeterRequest } from '../meter/meter-protocol';
import { compiled } from './compiled';

export interface ChildOptions {
  /** The script to run, as a source path; its compiled form runs (see compiled.ts). */
  entry: string;
  env: Record<string, string>;
  /** Preloads the store meter, so the bench can ask what the process sent to the store. */
  metered: boolean;
  /** More modules to preload after the meter (bench/meter/mark-notifier.ts for the bot). */
  preload?: string[];
  /** The log line that says the process is ready, and what it says (an URL, say). */
  ready(entry: Record<string, unknown>): string | undefined;
  timeoutMs?: number;
}

/** A process the bench started: its ready value, its log's errors, and its meter if it has one. */
export class MeteredChild {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: MeterReply) => void>();
  private constructor(
    readonly child: ChildProcess,
    readonly readyValue: string,
    private readonly exited: Promise<unknown>,
    /** Its log lines at error level or above, as they come (the first 50). */
    readonly errors: readonly Record<string, unknown>[],
  ) {
    child.on('message', (reply: MeterReply) => {
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
  }

  static async start(options: ChildOptions): Promise<MeteredChild> {
    const preload = [
      ...(options.metered ? ['bench/meter/store-meter.ts'] : []),
      ...(options.preload ?? []),
    ].flatMap((module) => ['--require', compiled(module)]);
    const child = spawn(process.execPath, ['--expose-gc', ...preload, compiled(options.entry)], {
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const exited = once(child, 'exit');
    const errors: Record<string, unknown>[] = [];
    let stderr = '';
    child.stderr?.on(
      'data',
      (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)),
    );
    const ready = new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line) as Record<string, unknown>;
        } catch {
          return; // not a log line
        }
        // pino's levels: 50 error, 60 fatal. Kept, so that a run with failures says so.
        if (typeof entry.level === 'number' && entry.level >= 50 && errors.length < 50)
          errors.push(entry);
        const value = options.ready(entry);
        if (value !== undefined) resolve(value);
      });
      void exited.then(([code]) =>
        reject(new Error(`${options.entry} exited (${code}): ${stderr}`)),
      );
      setTimeout(
        () => reject(new Error(`${options.entry} not ready in time: ${stderr}`)),
        options.timeoutMs ?? 60_000,
      ).unref();
    });
    try {
      return new MeteredChild(child, await ready, exited, errors);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  }

  /** Asks the process's meter (see bench/meter/store-meter.ts). */
  ask(op: MeterRequest['op']): Promise<MeterReply> {
    const id = this.nextId++;
    const reply = new Promise<MeterReply>((resolve, reject) => {
      this.waiting.set(id, resolve);
      setTimeout(() => reject(new Error(`meter did not answer ${op}`)), 10_000).unref();
    });
    this.child.send({ id, op } satisfies MeterRequest);
    return reply;
  }

  /**
   * Waits until the process has been idle for `quietMs`: no turn, no store or connector request
   * under way or started meanwhile (the notifier's deliveries after a turn have ended).
   */
  async settled(quietMs = 250, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await this.ask('peek');
      if (state.turnsInFlight === 0 && state.inFlight === 0 && state.quietForMs >= quietMs) return;
      if (Date.now() > deadline) throw new Error('the process did not settle');
      await new Promise((resolve) => setTimeout(resolve, Math.max(20, quietMs - state.quietForMs)));
    }
  }

  /** Linux: the peak RSS since the last reset (VmHWM), exact; elsewhere getrusage's lifetime peak. */
  async peakRssBytes(): Promise<number> {
    try {
      const status = await readFile(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      if (kb) return Number(kb) * 1024;
    } catch {
      // not Linux: fall through
    }
    return (await this.ask('peek')).maxRssBytes;
  }

  /** Starts a new peak (Linux: writing 5 to clear_refs resets VmHWM); a no-op elsewhere. */
  async resetPeakRss(): Promise<void> {
    await writeFile(`/proc/${this.child.pid}/clear_refs`, '5').catch(() => undefined);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}
