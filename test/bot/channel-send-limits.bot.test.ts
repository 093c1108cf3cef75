import assert from 'node:assert/strict';
import type { CloudAdapter } from 'botbuilder';
import type { RetryOptions, RetryResult } from '../../src/app/notifications/connector-retry';
import { pacedSend } from '../../src/app/notifications/paced-send';
import {
  SendRateLimiter,
  TEAMS_SEND_LIMITS,
  type SendRateLimits,
} from '../../src/app/notifications/send-rate-limiter';
import { sendText, singleAttemptAdapter, stockAdapter } from '../helpers/channel-sender';
import { FakeConnector } from '../helpers/fake-connector';

/** A Teams channel thread's conversation id: the channel's, with the root message's id. */
const threadId = (run: string, n: number) => `19:${run}-${n}@thread.tacv2;messageid=17000000${n}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Teams' windows at a fifth of their length, the limits as they are: the same property, measured
 * five times faster. The margin stays 100 ms: what it covers (the time from a granted slot to the
 * request's arrival, which varies with the load of the process) does not shrink with the windows.
 */
const FIFTH: SendRateLimits = {
  perKey: TEAMS_SEND_LIMITS.perKey.map(({ limit, windowMs }) => ({
    limit,
    windowMs: windowMs / 5,
  })),
  global: TEAMS_SEND_LIMITS.global.map(({ limit, windowMs }) => ({
    limit,
    windowMs: windowMs / 5,
  })),
  marginMs: TEAMS_SEND_LIMITS.marginMs,
};

describe('sends to Teams threads keep Teams’ limits, measured at the connector (CloudAdapter)', function () {
  this.timeout(60_000);
  let connector: FakeConnector;
  let adapter: CloudAdapter;

  before(async () => {
    connector = await new FakeConnector().start();
    adapter = singleAttemptAdapter(500);
    // The first burst of a process opens its sockets and compiles its code, and arrives late.
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        sendText(adapter, connector.serviceUrl, 'warm-up', `${i}`),
      ),
    );
  });
  after(() => connector.stop());

  const retries = (extra: Partial<RetryOptions> = {}): RetryOptions => ({
    maxAttempts: 5,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    deadlineAt: Date.now() + 30_000,
    ...extra,
  });
  const send = (limiter: SendRateLimiter, thread: string, text: string, extra = {}) =>
    pacedSend(
      limiter,
      thread,
      () => sendText(adapter, connector.serviceUrl, thread, text),
      retries(extra),
    );
  const allOk = (results: RetryResult<string>[]) =>
    assert.deepEqual(
      results.filter((result) => !result.ok),
      [],
    );

  it('a burst of 100 to one thread: never more than 7 per 1 s, 8 per 2 s, 60 per 30 s (windows / 5)', async () => {
    const limiter = new SendRateLimiter(FIFTH);
    const thread = threadId('one', 1);
    allOk(await Promise.all(Array.from({ length: 100 }, (_, i) => send(limiter, thread, `${i}`))));

    assert.equal(connector.sent.filter((sent) => sent.conversationId === thread).length, 100);
    assert.ok(
      connector.maxInWindow(thread, 200) <= 7,
      `${connector.maxInWindow(thread, 200)} / 200 ms`,
    );
    assert.ok(
      connector.maxInWindow(thread, 400) <= 8,
      `${connector.maxInWindow(thread, 400)} / 400 ms`,
    );
    assert.equal(connector.maxInWindow(thread, 6000), 60, '60 per 6 s, and that is reached');
  });

  it('300 over 10 threads: never more than 50 per 1 s in all, nor a thread’s limits (windows / 5)', async () => {
    const limiter = new SendRateLimiter(FIFTH);
    const threads = Array.from({ length: 10 }, (_, n) => threadId('ten', n));
    const ofRun = (id: string) => id.startsWith('19:ten-');
    allOk(
      await Promise.all(
        threads.flatMap((thread) =>
          Array.from({ length: 30 }, (_, i) => send(limiter, thread, `${i}`)),
        ),
      ),
    );

    assert.equal(connector.sent.filter((sent) => ofRun(sent.conversationId)).length, 300);
    assert.ok(
      connector.maxInWindow(ofRun, 200) <= 50,
      `${connector.maxInWindow(ofRun, 200)} / 200 ms`,
    );
    assert.ok(connector.maxInWindow(ofRun, 200) > 40, 'the global limit binds: 10 threads of 7');
    for (const thread of threads) {
      assert.ok(connector.maxInWindow(thread, 200) <= 7, thread);
      assert.ok(connector.maxInWindow(thread, 400) <= 8, thread);
    }
  });

  it('at Teams’ own limits: 20 to one thread take 4 s, 70 over 10 threads keep 50 per second', async () => {
    const limiter = new SendRateLimiter(TEAMS_SEND_LIMITS);
    const thread = threadId('real', 0);
    const threads = Array.from({ length: 10 }, (_, n) => threadId('real', n + 1));
    const ofTen = (id: string) => threads.includes(id);
    allOk(
      await Promise.all([
        ...Array.from({ length: 20 }, (_, i) => send(limiter, thread, `${i}`)),
        ...threads.flatMap((other) =>
          Array.from({ length: 7 }, (_, i) => send(limiter, other, `${i}`)),
        ),
      ]),
    );

    assert.ok(connector.maxInWindow(thread, 1000) <= 7);
    assert.ok(connector.maxInWindow(thread, 2000) <= 8);
    const arrived = connector.faults.arrivals(thread);
    assert.ok(arrived.at(-1)! - arrived[0]! >= 4000, '8 per 2 s: the 17th no sooner than 4 s on');
    const all = (id: string) => ofTen(id) || id === thread;
    assert.ok(connector.maxInWindow(all, 1000) <= 50, `${connector.maxInWindow(all, 1000)} / 1 s`);
  });

  it('429 with Retry-After 1 s: that thread waits a second, the send succeeds, others go on', async () => {
    const limiter = new SendRateLimiter(TEAMS_SEND_LIMITS);
    const [thread, other] = [threadId('throttled', 1), threadId('throttled', 2)];
    connector.throttle(thread, { times: 1, retryAfter: 1 });
    const told: (number | undefined)[] = [];
    const first = send(limiter, thread, 'first', { onThrottled: (ms: number) => told.push(ms) });
    while (told.length === 0) await sleep(5);
    const [second, elsewhere] = [
      send(limiter, thread, 'second'),
      send(limiter, other, 'elsewhere'),
    ];
    const results = await Promise.all([first, second, elsewhere]);

    allOk(results);
    assert.deepEqual(told, [1000], 'the real RestError’s Retry-After, read as 1000 ms');
    const [refused, ...later] = connector.faults.arrivals(thread);
    assert.equal(later.length, 2);
    for (const at of later) assert.ok(at - refused! >= 1000, `${at - refused!} ms after the 429`);
    assert.ok(connector.faults.arrivals(other)[0]! - refused! < 500, 'another thread is not held');
    assert.equal(connector.sent.filter((sent) => sent.conversationId === thread).length, 2);
  });

  it('500 twice, then OK: delivered once, in three requests', async () => {
    const thread = threadId('failing', 1);
    connector.failWith(thread, 500, 2);
    const result = await send(new SendRateLimiter(TEAMS_SEND_LIMITS), thread, 'once');

    assert.equal(result.ok && result.attempts, 3);
    assert.equal(connector.faults.arrivals(thread).length, 3);
    assert.equal(connector.sent.filter((sent) => sent.conversationId === thread).length, 1);
  });

  it('a request that hangs is cut off at the connector deadline and tried again', async () => {
    const thread = threadId('hanging', 1);
    connector.hanging.add(thread);
    const result = send(new SendRateLimiter(TEAMS_SEND_LIMITS), thread, 'late');
    while (connector.faults.arrivals(thread).length === 0) await sleep(5);
    connector.hanging.delete(thread);
    const outcome = await result;

    assert.equal(outcome.ok && outcome.attempts, 2);
    const [hung, retried] = connector.faults.arrivals(thread);
    assert.ok(retried! - hung! >= 500, 'not before the 500 ms deadline');
    assert.equal(connector.sent.filter((sent) => sent.conversationId === thread).length, 1);
  });

  it('403 MessageWritesBlocked: one request, permanent, not retried', async () => {
    const thread = threadId('removed', 1);
    connector.blockWrites(thread);
    const result = await send(new SendRateLimiter(TEAMS_SEND_LIMITS), thread, 'never');

    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.permanent && result.status === 403);
    assert.equal((result.error as { code?: string }).code, 'MessageWritesBlocked');
    await sleep(300);
    assert.equal(connector.faults.arrivals(thread).length, 1);
  });

  it('botbuilder’s own connector client retries a 429 three times itself (why the bot must not)', async () => {
    const thread = threadId('stock', 1);
    connector.throttle(thread, { times: 10, retryAfter: 0 });
    await assert.rejects(sendText(stockAdapter(), connector.serviceUrl, thread, 'x'), {
      statusCode: 429,
    });
    assert.equal(connector.faults.arrivals(thread).length, 4, 'one send, four requests');
  });
});
