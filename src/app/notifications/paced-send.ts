import { withRetries, type RetryOptions, type RetryResult } from './connector-retry';
import type { SendRateLimiter } from './send-rate-limiter';

/** An attempt that found no free slot before the deadline: it sent nothing. */
export class NoSendSlot extends Error {
  constructor(readonly key: string) {
    super('no send slot before the deadline');
  }
}

/**
 * Sends to `key` (a conversation id) within the limiter's limits, retrying as `withRetries` does.
 * Every attempt takes its own slot, since Teams counts each request, refused ones too; a 429 holds
 * every send to that key until its Retry-After has passed. The options' `now` must be the
 * limiter's clock (the default of both is Date.now). `send` must make one request per call: with
 * the connector client's own retries left on, one slot would cover up to four requests.
 */
export function pacedSend<T>(
  limiter: SendRateLimiter,
  key: string,
  send: () => Promise<T>,
  options: RetryOptions,
): Promise<RetryResult<T>> {
  return withRetries(
    async () => {
      if (!(await limiter.acquire(key, { deadlineAt: options.deadlineAt })))
        throw new NoSendSlot(key);
      return send();
    },
    {
      ...options,
      onThrottled(retryAfterMs, attempt) {
        if (retryAfterMs !== undefined) limiter.block(key, limiter.now() + retryAfterMs);
        options.onThrottled?.(retryAfterMs, attempt);
      },
    },
  );
}
