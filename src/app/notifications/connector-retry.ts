/**
 * What a failed call to the Bot Connector means for trying it again, and the retry loop itself.
 *
 * The loop is hand-written rather than p-retry or exponential-backoff: a 429 says how long to wait
 * (Retry-After, per error), which neither lets a failed attempt set (their delay follows only from
 * the attempt number, so waiting it out in a hook adds their delay on top); neither stops at a
 * deadline with a "try later" answer instead of an error; and neither takes a clock, a sleep or a
 * random source, which the tests need to control time.
 */

export type ConnectorFailure =
  /** 429: wait `retryAfterMs` when the connector said so, else back off. */
  | { kind: 'throttled'; retryAfterMs?: number }
  /** 5xx, 408, 412, time-outs, lost connections: worth another attempt. */
  | { kind: 'transient' }
  /** Any other 4xx: no retry changes it. 403 and 404 mean the conversation is closed to the bot. */
  | { kind: 'permanent'; status: number };

/**
 * 408 and 412 are answered for a request that may succeed when sent again; Teams asks bots to retry
 * 412 as well as 429, 502 and 504 ("Optimize your bot with rate limiting in Teams").
 */
const RETRIED_CLIENT_STATUSES: readonly number[] = [408, 412];
/** Server errors that say the request will never be served, whatever the load. */
const FINAL_SERVER_STATUSES: readonly number[] = [501, 505];

interface HeaderSource {
  get?(name: string): unknown;
  [name: string]: unknown;
}

/**
 * The status and headers as botbuilder throws them: a RestError (@azure/core-rest-pipeline) with
 * `statusCode` and a non-enumerable `response` whose `headers.get(name)` is case-insensitive.
 */
function responseOf(error: unknown): { status?: number; headers?: HeaderSource } {
  if (error === null || typeof error !== 'object') return {};
  const { statusCode, response } = error as {
    statusCode?: unknown;
    response?: { status?: unknown; headers?: unknown };
  };
  const status =
    typeof statusCode === 'number'
      ? statusCode
      : typeof response?.status === 'number'
        ? response.status
        : undefined;
  const headers = response?.headers;
  return {
    ...(status !== undefined && { status }),
    ...(headers !== null && typeof headers === 'object' && { headers: headers as HeaderSource }),
  };
}

function header(headers: HeaderSource | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const value = typeof headers.get === 'function' ? headers.get(name) : headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** A Retry-After value in ms from `nowMs`: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string, nowMs: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  // Every HTTP-date form names its day or month; Date.parse alone takes '-1' for a year.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isFinite(date) ? Math.max(0, date - nowMs) : undefined;
}

/** How long the connector asked to wait, from whichever of its Retry-After headers it sent. */
function retryAfterMs(headers: HeaderSource | undefined, nowMs: number): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = header(headers, name)?.trim();
    if (value && /^\d+(\.\d+)?$/.test(value)) return Number(value);
  }
  const value = header(headers, 'retry-after');
  return value === undefined ? undefined : parseRetryAfter(value, nowMs);
}

/** What a failed connector call means for trying again. Errors without a status are transient. */
export function classifyConnectorError(error: unknown, nowMs = Date.now()): ConnectorFailure {
  const { status, headers } = responseOf(error);
  if (status === undefined) return { kind: 'transient' };
  if (status === 429) {
    const wait = retryAfterMs(headers, nowMs);
    return wait === undefined ? { kind: 'throttled' } : { kind: 'throttled', retryAfterMs: wait };
  }
  if (status >= 500) {
    return FINAL_SERVER_STATUSES.includes(status)
      ? { kind: 'permanent', status }
      : { kind: 'transient' };
  }
  if (status >= 400 && !RETRIED_CLIENT_STATUSES.includes(status))
    return { kind: 'permanent', status };
  return { kind: 'transient' };
}

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The backoff before the second attempt at most; it doubles per attempt, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** No attempt starts at or after this moment (on `now`'s clock). */
  deadlineAt: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): draws the full jitter. */
  random?: () => number;
  /** Told of every 429, before the wait: to hold other sends to the same place (the limiter). */
  onThrottled?: (retryAfterMs: number | undefined, attempt: number) => void;
  classify?: (error: unknown, nowMs: number) => ConnectorFailure;
}

export type RetryResult<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; permanent: true; status: number; error: unknown; attempts: number }
  /** Not now: out of attempts or of time. `retryAt` is when the next attempt would have been. */
  | { ok: false; permanent: false; error: unknown; attempts: number; retryAt: number };

/**
 * Runs `op` until it succeeds, fails for good, or the attempts or the time run out; never throws
 * what `op` throws. Throttled and transient failures wait Retry-After when given, else a full-jitter
 * exponential backoff (a random wait up to base·2^(attempt-1), capped), so that many senders that
 * failed together do not come back together. An attempt that starts before `deadlineAt` may end
 * after it; bound each attempt itself (the connector's per-call deadline).
 */
export async function withRetries<T>(
  op: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<RetryResult<T>> {
  const now = options.now ?? Date.now;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const classify = options.classify ?? classifyConnectorError;
  let lastError: unknown;
  for (let attempt = 1; ; attempt++) {
    if (now() >= options.deadlineAt) {
      return {
        ok: false,
        permanent: false,
        error: lastError,
        attempts: attempt - 1,
        retryAt: now(),
      };
    }
    try {
      return { ok: true, value: await op(attempt), attempts: attempt };
    } catch (error) {
      lastError = error;
      const failedAt = now();
      const failure = classify(error, failedAt);
      if (failure.kind === 'permanent') {
        return { ok: false, permanent: true, status: failure.status, error, attempts: attempt };
      }
      if (failure.kind === 'throttled') options.onThrottled?.(failure.retryAfterMs, attempt);
      const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      const delay =
        failure.kind === 'throttled' && failure.retryAfterMs !== undefined
          ? failure.retryAfterMs
          : random() * backoff;
      const retryAt = failedAt + delay;
      if (attempt >= options.maxAttempts || retryAt >= options.deadlineAt) {
        return { ok: false, permanent: false, error, attempts: attempt, retryAt };
      }
      await sleep(delay);
    }
  }
}
