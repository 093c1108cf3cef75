/**
 * Paces sends to the Bot Connector so that Teams never has to refuse one: at most `limit` sends per
 * key (a chat or a channel thread: its conversation id) in every sliding window of `windowMs`, for
 * all the key's windows at once, and at most so many sends in all (the app in the tenant).
 *
 * Hand-written, as a sliding-window log, because the libraries at hand do not keep these limits.
 * Fixed-window counters (rate-limiter-flexible's memory limiter, bottleneck's reservoir) start
 * afresh at each window boundary, so a burst at the end of one window and another at the start of
 * the next put up to twice the limit into one window's length, and Teams counts sliding windows.
 * Composing a per-key and a global throttle (p-throttle twice) exceeds the inner limit: the inner
 * one counts a call as sent when it lets it through, the outer one then delays it, and calls
 * delayed together leave together, closer than the inner limit allows. Here a send is granted only
 * when it fits in every window of its key and every global window, and it is recorded in all of
 * them in the same synchronous step, so no two callers can take the last slot.
 */

export interface RateWindow {
  /** Sends allowed in any window of this length. */
  readonly limit: number;
  readonly windowMs: number;
}

export interface SendRateLimits {
  perKey: readonly RateWindow[];
  global: readonly RateWindow[];
  /**
   * Added to every window: a request takes a varying time to reach Teams, so two sends exactly one
   * window apart here can arrive there less than a window apart.
   */
  marginMs: number;
}

/**
 * Teams' limits per bot per thread (a chat or a channel thread) and per app per tenant, as
 * documented for the Bot Connector (learn.microsoft.com, "Optimize your bot with rate limiting").
 */
export const TEAMS_SEND_LIMITS: SendRateLimits = {
  perKey: [
    { limit: 7, windowMs: 1000 },
    { limit: 8, windowMs: 2000 },
    { limit: 60, windowMs: 30_000 },
    { limit: 1800, windowMs: 3_600_000 },
  ],
  global: [{ limit: 50, windowMs: 1000 }],
  marginMs: 100,
};

export interface LimiterClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

const realClock: LimiterClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

interface Waiter {
  /** Arrival order over all keys: among the sends that may go, the longest waiting goes first. */
  seq: number;
  deadlineAt: number;
  resolve(granted: boolean): void;
}

interface KeyState {
  /** When the key's granted sends were granted, oldest first; only those still in a window. */
  log: number[];
  queue: Waiter[];
  blockedUntil: number;
}

/** How often idle keys are looked for and forgotten. */
const SWEEP_EVERY_MS = 1000;

export class SendRateLimiter {
  private readonly perKey: readonly RateWindow[];
  private readonly global: readonly RateWindow[];
  private readonly keys = new Map<string, KeyState>();
  private readonly waiting = new Set<KeyState>();
  private readonly globalLog: number[] = [];
  private readonly wakes: number[] = [];
  private readonly clock: LimiterClock;
  private blockedAllUntil = -Infinity;
  private seq = 0;
  private lastSweep = -Infinity;

  constructor(limits: Partial<SendRateLimits> & Partial<LimiterClock> = {}) {
    const marginMs = limits.marginMs ?? TEAMS_SEND_LIMITS.marginMs;
    const widened = (windows: readonly RateWindow[]) =>
      windows.map((window) => {
        if (!Number.isInteger(window.limit) || window.limit < 1 || !(window.windowMs > 0))
          throw new Error(`Not a rate window: ${JSON.stringify(window)}`);
        return { limit: window.limit, windowMs: window.windowMs + marginMs };
      });
    this.perKey = widened(limits.perKey ?? TEAMS_SEND_LIMITS.perKey);
    this.global = widened(limits.global ?? TEAMS_SEND_LIMITS.global);
    this.clock = {
      now: limits.now ?? realClock.now,
      sleep: limits.sleep ?? realClock.sleep,
    };
  }

  /** The limiter's clock, for `block` and `blockAll` times. */
  now(): number {
    return this.clock.now();
  }

  /**
   * Waits until a send on `key` fits under every limit and takes that slot: true. In order of
   * arrival per key. False, without a slot, when none is free before `deadlineAt`.
   */
  acquire(key: string, options: { deadlineAt?: number } = {}): Promise<boolean> {
    return new Promise((resolve) => {
      const state = this.stateOf(key);
      state.queue.push({ seq: this.seq++, deadlineAt: options.deadlineAt ?? Infinity, resolve });
      this.waiting.add(state);
      this.pump();
    });
  }

  /** Holds every send on `key` until `untilMs`, as a 429's Retry-After asks. */
  block(key: string, untilMs: number): void {
    const state = this.stateOf(key);
    state.blockedUntil = Math.max(state.blockedUntil, untilMs);
  }

  /** Holds every send until `untilMs`: for a 429 that stands for the whole tenant. */
  blockAll(untilMs: number): void {
    this.blockedAllUntil = Math.max(this.blockedAllUntil, untilMs);
  }

  /** What the limiter holds, to see that its memory stays bounded. */
  stats(): { keys: number; timestamps: number; waiting: number } {
    let timestamps = this.globalLog.length;
    let waiting = 0;
    for (const state of this.keys.values()) {
      timestamps += state.log.length;
      waiting += state.queue.length;
    }
    return { keys: this.keys.size, timestamps, waiting };
  }

  private stateOf(key: string): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      state = { log: [], queue: [], blockedUntil: -Infinity };
      this.keys.set(key, state);
    }
    return state;
  }

  /** Grants every send that may go now, oldest first, then sleeps until the next one may. */
  private pump(): void {
    const now = this.clock.now();
    for (;;) {
      const globalAt = Math.max(this.blockedAllUntil, readyAt(this.globalLog, this.global));
      let next: KeyState | undefined;
      for (const state of this.waiting) {
        const at = Math.max(globalAt, state.blockedUntil, readyAt(state.log, this.perKey));
        if (at <= now && (!next || state.queue[0]!.seq < next.queue[0]!.seq)) next = state;
      }
      if (!next) break;
      this.grant(next, now);
    }
    this.expire(now);
    this.sweep(now);
    this.wakeAt(this.nextEventAt(), now);
  }

  private grant(state: KeyState, now: number): void {
    const waiter = state.queue.shift()!;
    if (state.queue.length === 0) this.waiting.delete(state);
    state.log.push(now);
    this.globalLog.push(now);
    prune(state.log, now, this.perKey);
    prune(this.globalLog, now, this.global);
    waiter.resolve(true);
  }

  /** Gives up the waits whose deadline has come. */
  private expire(now: number): void {
    for (const state of this.waiting) {
      const late = state.queue.filter((waiter) => waiter.deadlineAt <= now);
      if (late.length === 0) continue;
      state.queue = state.queue.filter((waiter) => waiter.deadlineAt > now);
      if (state.queue.length === 0) this.waiting.delete(state);
      for (const waiter of late) waiter.resolve(false);
    }
  }

  /** Forgets keys that hold no send in any window, no waiter and no block. */
  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    prune(this.globalLog, now, this.global);
    for (const [key, state] of this.keys) {
      prune(state.log, now, this.perKey);
      if (state.log.length === 0 && state.queue.length === 0 && state.blockedUntil <= now)
        this.keys.delete(key);
    }
  }

  /** When a waiting send may go or a wait ends: the next moment `pump` has work. */
  private nextEventAt(): number {
    const globalAt = Math.max(this.blockedAllUntil, readyAt(this.globalLog, this.global));
    let at = Infinity;
    for (const state of this.waiting) {
      const ready = Math.max(globalAt, state.blockedUntil, readyAt(state.log, this.perKey));
      at = Math.min(at, ready, ...state.queue.map((waiter) => waiter.deadlineAt));
    }
    return at;
  }

  private wakeAt(at: number, now: number): void {
    // A wake already due no later will pump, and sleep again from there.
    if (at === Infinity || this.wakes.some((wake) => wake <= at)) return;
    this.wakes.push(at);
    const woken = () => {
      this.wakes.splice(this.wakes.indexOf(at), 1);
      this.pump();
    };
    this.clock.sleep(Math.max(0, at - now)).then(woken, woken);
  }
}

/**
 * The earliest moment one more send fits under all the windows. A window is full when the send
 * `limit` places from the end of the log is still in it; a slot frees when that one leaves.
 */
function readyAt(log: readonly number[], windows: readonly RateWindow[]): number {
  let at = -Infinity;
  for (const { limit, windowMs } of windows) {
    const oldest = log[log.length - limit];
    if (oldest !== undefined) at = Math.max(at, oldest + windowMs);
  }
  return at;
}

/** Drops the times that have left the longest window: they can never fill one again. */
function prune(log: number[], now: number, windows: readonly RateWindow[]): void {
  const longest = Math.max(...windows.map((window) => window.windowMs));
  let keep = 0;
  while (keep < log.length && log[keep]! <= now - longest) keep++;
  if (keep > 0) log.splice(0, keep);
}
