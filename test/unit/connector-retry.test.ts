import assert from 'node:assert/strict';
import { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import {
  classifyConnectorError,
  parseRetryAfter,
  withRetries,
  type RetryOptions,
} from '../../src/app/notifications/connector-retry';
import { ManualClock } from '../helpers/manual-clock';

/** A failure as the connector client throws it (see test/bot/channel-send-limits for the real one). */
function restError(status: number, headers: Record<string, string> = {}): RestError {
  const request = createPipelineRequest({ url: 'https://smba.example/v3/conversations/x' });
  return new RestError(`status ${status}`, {
    statusCode: status,
    request,
    response: { status, headers: createHttpHeaders(headers), request },
  });
}

describe('classifyConnectorError', () => {
  const now = Date.parse('2026-03-02T10:00:00Z');

  it('reads a 429’s Retry-After in seconds, as an HTTP date, or in ms', () => {
    assert.deepEqual(classifyConnectorError(restError(429, { 'Retry-After': '3' }), now), {
      kind: 'throttled',
      retryAfterMs: 3000,
    });
    const date = new Date(now + 7000).toUTCString();
    assert.deepEqual(classifyConnectorError(restError(429, { 'retry-after': date }), now), {
      kind: 'throttled',
      retryAfterMs: 7000,
    });
    assert.deepEqual(classifyConnectorError(restError(429, { 'retry-after-ms': '250' }), now), {
      kind: 'throttled',
      retryAfterMs: 250,
    });
    assert.deepEqual(classifyConnectorError(restError(429), now), { kind: 'throttled' });
    assert.deepEqual(classifyConnectorError(restError(429, { 'Retry-After': 'soon' }), now), {
      kind: 'throttled',
    });
  });

  it('retries server errors, 408, 412 and errors without a status; not other 4xx', () => {
    for (const status of [500, 502, 503, 504, 408, 412]) {
      assert.deepEqual(
        classifyConnectorError(restError(status)),
        { kind: 'transient' },
        `${status}`,
      );
    }
    const abort = Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
    assert.deepEqual(classifyConnectorError(abort), { kind: 'transient' });
    assert.deepEqual(classifyConnectorError(new RestError('refused', { code: 'ECONNREFUSED' })), {
      kind: 'transient',
    });
    for (const status of [400, 401, 403, 404, 413, 501]) {
      assert.deepEqual(classifyConnectorError(restError(status)), { kind: 'permanent', status });
    }
  });

  it('parses Retry-After as RFC 9110 has it, and nothing else', () => {
    assert.equal(parseRetryAfter(' 2 ', 0), 2000);
    assert.equal(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.UTC(2015, 9, 21, 7, 27)),
      60_000,
    );
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.UTC(2016, 0, 1)), 0);
    assert.equal(parseRetryAfter('-1', 0), undefined);
    assert.equal(parseRetryAfter('', 0), undefined);
  });
});

describe('withRetries', () => {
  /** An operation that fails with these errors in turn, then answers 'sent'; notes when it ran. */
  function scripted(clock: ManualClock, failures: Error[]) {
    const calls: number[] = [];
    const op = (): Promise<string> => {
      calls.push(clock.now());
      const failure = failures.shift();
      return failure === undefined ? Promise.resolve('sent') : Promise.reject(failure);
    };
    return { op, calls };
  }

  function options(clock: ManualClock, extra: Partial<RetryOptions> = {}): RetryOptions {
    return {
      maxAttempts: 5,
      baseDelayMs: 1000,
      maxDelayMs: 8000,
      deadlineAt: 60_000,
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0.5,
      ...extra,
    };
  }

  async function run<T>(clock: ManualClock, result: Promise<T>): Promise<T> {
    let done = false;
    const settled = result.finally(() => (done = true));
    await clock.runUntil(() => done);
    return settled;
  }

  it('waits exactly Retry-After after a 429, and tells who holds the key', async () => {
    const clock = new ManualClock();
    const { op, calls } = scripted(clock, [restError(429, { 'Retry-After': '2' })]);
    const throttled: (number | undefined)[] = [];
    const result = await run(
      clock,
      withRetries(op, options(clock, { onThrottled: (ms) => throttled.push(ms) })),
    );
    assert.deepEqual(result, { ok: true, value: 'sent', attempts: 2 });
    assert.deepEqual(calls, [0, 2000]);
    assert.deepEqual(throttled, [2000]);
  });

  it('backs off with full jitter, doubling up to the cap, for 5xx and a 429 without Retry-After', async () => {
    const clock = new ManualClock();
    const failures = [restError(500), restError(429), restError(502), restError(503)];
    const { op, calls } = scripted(clock, failures);
    const draws = [0.5, 0.25, 1 - 1e-9, 0];
    const result = await run(
      clock,
      withRetries(op, options(clock, { maxDelayMs: 3000, random: () => draws.shift()! })),
    );
    assert.equal(result.ok, true);
    // Waits of 0.5·1000, 0.25·2000, ~1·3000 (capped from 4000), 0·3000.
    assert.deepEqual(
      calls.map((at) => Math.round(at)),
      [0, 500, 1000, 4000, 4000],
    );
  });

  it('stops at a permanent failure after one attempt', async () => {
    const clock = new ManualClock();
    const blocked = restError(403);
    const { op, calls } = scripted(clock, [blocked]);
    const result = await run(clock, withRetries(op, options(clock)));
    assert.deepEqual(result, {
      ok: false,
      permanent: true,
      status: 403,
      error: blocked,
      attempts: 1,
    });
    assert.equal(calls.length, 1);
  });

  it('answers "try later" rather than wait past the deadline, with when it would have tried', async () => {
    const clock = new ManualClock();
    const error = restError(429, { 'Retry-After': '30' });
    const { op, calls } = scripted(clock, [restError(500), error]);
    const result = await run(clock, withRetries(op, options(clock, { deadlineAt: 10_000 })));
    assert.deepEqual(result, { ok: false, permanent: false, error, attempts: 2, retryAt: 30_500 });
    assert.deepEqual(calls, [0, 500]);
    assert.ok(clock.now() < 10_000, 'and it did not wait');
  });

  it('gives up for now after maxAttempts', async () => {
    const clock = new ManualClock();
    const { op, calls } = scripted(
      clock,
      Array.from({ length: 9 }, () => restError(503)),
    );
    const result = await run(clock, withRetries(op, options(clock, { maxAttempts: 3 })));
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.permanent, false);
    assert.equal(calls.length, 3);
  });
});
