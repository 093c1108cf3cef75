import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  SendRateLimiter,
  TEAMS_SEND_LIMITS,
  type RateWindow,
} from '../../src/app/notifications/send-rate-limiter';
import { maxInSlidingWindow } from '../helpers/connector-faults';
import { ManualClock, settle } from '../helpers/manual-clock';

/** Teams' limits without the safety margin, so that the windows can be checked to the ms. */
const exact = { perKey: TEAMS_SEND_LIMITS.perKey, global: TEAMS_SEND_LIMITS.global, marginMs: 0 };

interface Grant {
  key: string;
  at: number;
}

/** Starts `count` acquires on each key at once and notes when each is granted. */
function burst(limiter: SendRateLimiter, clock: ManualClock, keys: string[], count: number) {
  const grants: Grant[] = [];
  const order: string[] = [];
  for (let i = 0; i < count; i++) {
    for (const key of keys) {
      void limiter.acquire(key).then((granted) => {
        assert.equal(granted, true);
        grants.push({ key, at: clock.now() });
        order.push(`${key}#${i}`);
      });
    }
  }
  return { grants, order };
}

function assertWithin(grants: Grant[], windows: readonly RateWindow[], what: string) {
  const times = grants.map((grant) => grant.at).sort((a, b) => a - b);
  for (const { limit, windowMs } of windows) {
    const most = maxInSlidingWindow(times, windowMs);
    assert.ok(most <= limit, `${what}: ${most} sends within ${windowMs} ms, limit ${limit}`);
  }
}

describe('SendRateLimiter (sliding-window log, per key and global)', () => {
  it('paces a burst on one key to every window of Teams’ thread limits at once, and no slower', async () => {
    const clock = new ManualClock();
    const limiter = new SendRateLimiter({ ...exact, now: clock.now, sleep: clock.sleep });
    const { grants } = burst(limiter, clock, ['thread'], 100);
    await clock.runUntil(() => grants.length === 100);

    assertWithin(grants, exact.perKey, 'one thread');
    const at = grants.map((grant) => grant.at);
    assert.deepEqual(at.slice(0, 7), [0, 0, 0, 0, 0, 0, 0], 'seven at once');
    assert.equal(at[7], 1000, 'the eighth when the first second has passed');
    assert.equal(at[8], 2000, 'the ninth when two seconds have: 8 per 2 s');
    assert.ok(at[59]! < 30_000 && at[60]! >= 30_000, `60 per 30 s: the 61st at ${at[60]}`);
  });

  it('shares the global limit among many keys: 50 per second over 10 threads of 7', async () => {
    const clock = new ManualClock();
    const limiter = new SendRateLimiter({ ...exact, now: clock.now, sleep: clock.sleep });
    const keys = Array.from({ length: 10 }, (_, i) => `thread-${i}`);
    const { grants } = burst(limiter, clock, keys, 30);
    await clock.runUntil(() => grants.length === 300);

    assertWithin(grants, exact.global, 'all threads');
    for (const key of keys) {
      assertWithin(
        grants.filter((grant) => grant.key === key),
        exact.perKey,
        key,
      );
    }
    assert.equal(grants.filter((grant) => grant.at === 0).length, 50, 'the global limit binds');
  });

  it('grants 100 concurrent acquires on one key seven at a time, in the order they came', async () => {
    const clock = new ManualClock();
    const limiter = new SendRateLimiter({ ...exact, now: clock.now, sleep: clock.sleep });
    const { grants, order } = burst(limiter, clock, ['thread'], 100);
    await settle();
    assert.equal(grants.length, 7, 'seven take the seven slots, no more');
    await clock.advanceTo(999);
    assert.equal(grants.length, 7, 'and no other before the second is over');
    await clock.runUntil(() => grants.length === 100);
    assert.deepEqual(
      order,
      Array.from({ length: 100 }, (_, i) => `thread#${i}`),
    );
  });

  it('grants 100 concurrent acquires on 100 keys fifty at a time (global)', async () => {
    const clock = new ManualClock();
    const limiter = new SendRateLimiter({ ...exact, now: clock.now, sleep: clock.sleep });
    const keys = Array.from({ length: 100 }, (_, i) => `chat-${i}`);
    const { grants, order } = burst(limiter, clock, keys, 1);
    await settle();
    assert.equal(grants.length, 50);
    await clock.advanceTo(1000);
    assert.equal(grants.length, 100);
    assert.deepEqual(
      order,
      keys.map((key) => `${key}#0`),
      'the longest waiting goes first across keys',
    );
  });

  it('holds a blocked key until Retry-After has passed, and only that key', async () => {
    const clock = new ManualClock();
    const limiter = new SendRateLimiter({ ...exact, now: clock.now, sleep: clock.sleep });
    limiter.block('throttled', 1500);
    const { grants } = burst(limiter, clock, ['throttled', 'other'], 1);
    await settle();
    assert.deepEqual(grants, [{ key: 'other', at: 0 }]);
    await clock.advanceTo(1499);
    assert.equal(grants.length, 1);
    await clock.advanceTo(1500);
    assert.deepEqual(grants[1], { key: 'throttled', at: 1500 });

    limiter.blockAll(4000);
    const later = burst(limiter, clock, ['throttled', 'other', 'third'], 1);
    await clock.runUntil(() => later.grants.length === 3);
    assert.deepEqual(
      later.grants.map((grant) => grant.at),
      [4000, 4000, 4000],
    );
  });

  it('widens every window by the safety margin', async () => {
    const clock = new ManualClock();
    const limiter = new SendRateLimiter({
      ...exact,
      marginMs: 100,
      now: clock.now,
      sleep: clock.sleep,
    });
    const { grants } = burst(limiter, clock, ['thread'], 8);
    await clock.runUntil(() => grants.length === 8);
    assert.equal(grants[7]!.at, 1100);
  });

  it('gives a wait up at its deadline without taking a slot; the next in line gets it', async () => {
    const clock = new ManualClock();
    const limiter = new SendRateLimiter({
      perKey: [{ limit: 1, windowMs: 1000 }],
      global: [],
      marginMs: 0,
      now: clock.now,
      sleep: clock.sleep,
    });
    const answers: string[] = [];
    void limiter.acquire('k').then((granted) => answers.push(`first ${granted} ${clock.now()}`));
    void limiter
      .acquire('k', { deadlineAt: 500 })
      .then((granted) => answers.push(`hurried ${granted} ${clock.now()}`));
    void limiter.acquire('k').then((granted) => answers.push(`patient ${granted} ${clock.now()}`));
    await clock.runUntil(() => answers.length === 3);
    assert.deepEqual(answers, ['first true 0', 'hurried false 500', 'patient true 1000']);
  });

  it('keeps only what a window still needs, and forgets idle keys', async () => {
    const clock = new ManualClock();
    const limiter = new SendRateLimiter({ ...exact, now: clock.now, sleep: clock.sleep });
    const keys = Array.from({ length: 200 }, (_, i) => `chat-${i}`);
    const { grants } = burst(limiter, clock, keys, 5);
    await clock.runUntil(() => grants.length === 1000);
    assert.equal(limiter.stats().keys, 200);
    await clock.advance(TEAMS_SEND_LIMITS.perKey.at(-1)!.windowMs);
    void limiter.acquire('one more');
    await settle();
    assert.deepEqual(limiter.stats(), { keys: 1, timestamps: 2, waiting: 0 });
  });

  it('holds one busy key to the longest window’s limit in memory', async () => {
    const clock = new ManualClock();
    const limiter = new SendRateLimiter({
      perKey: [
        { limit: 5, windowMs: 1000 },
        { limit: 20, windowMs: 10_000 },
      ],
      global: [{ limit: 5, windowMs: 1000 }],
      marginMs: 0,
      now: clock.now,
      sleep: clock.sleep,
    });
    const { grants } = burst(limiter, clock, ['busy'], 200);
    let most = 0;
    while (grants.length < 200) {
      await clock.advance(250);
      most = Math.max(most, limiter.stats().timestamps);
    }
    assert.ok(most <= 20 + 5, `${most} timestamps held`);
  });

  it('never exceeds any window, for any arrivals, keys and limits (property)', async () => {
    const window = fc.record({
      limit: fc.integer({ min: 1, max: 6 }),
      windowMs: fc.integer({ min: 1, max: 2000 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(window, { minLength: 1, maxLength: 3 }),
        fc.array(window, { maxLength: 2 }),
        fc.array(
          fc.record({ key: fc.constantFrom('a', 'b', 'c'), at: fc.integer({ min: 0, max: 3000 }) }),
          { minLength: 1, maxLength: 40 },
        ),
        async (perKey, global, arrivals) => {
          const clock = new ManualClock();
          const limiter = new SendRateLimiter({
            perKey,
            global,
            marginMs: 0,
            now: clock.now,
            sleep: clock.sleep,
          });
          const grants: Grant[] = [];
          for (const { key, at } of [...arrivals].sort((a, b) => a.at - b.at)) {
            await clock.advanceTo(at);
            void limiter.acquire(key).then(() => grants.push({ key, at: clock.now() }));
          }
          await clock.runUntil(() => grants.length === arrivals.length);
          assertWithin(grants, global, 'global');
          for (const key of ['a', 'b', 'c']) {
            assertWithin(
              grants.filter((grant) => grant.key === key),
              perKey,
              key,
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
