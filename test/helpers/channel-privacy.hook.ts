import assert from 'node:assert/strict';
import type { Context, Suite } from 'mocha';
import { sharedChatPayloads } from './channel-payloads';
import { leaksIn, rememberedPersonalValues, rememberPersonalValues } from './channel-privacy';
import { validStepValues } from './intake-values';

/** Whether a spec that posts casus threads in channels was part of this run. */
function ranChannelThreads(suite: Suite): boolean {
  return (
    /channel-threads\.bot\.test\.ts$/.test(suite.file ?? '') || suite.suites.some(ranChannelThreads)
  );
}

/**
 * Registered for the whole suite (.mocharc.json): once every spec has run, no payload the bot
 * posted in a channel or group chat may hold a personal value any test handed it.
 */
export const mochaHooks = {
  beforeAll(): void {
    rememberPersonalValues(validStepValues);
  },
  afterAll(this: Context): void {
    const root = this.test?.parent;
    if (root && ranChannelThreads(root))
      assert.ok(
        sharedChatPayloads.length > 0,
        'the channel specs ran, yet no channel payload was recorded',
      );
    const leaks = leaksIn(sharedChatPayloads, rememberedPersonalValues());
    assert.deepEqual(leaks, [], 'personal data in a channel or group chat');
  },
};
