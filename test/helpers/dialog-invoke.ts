import assert from 'node:assert/strict';
import { executeActivity } from './activities';
import type { BotHarness } from './bot-harness';

export type DialogAnswer = { task: { type: 'continue' | 'message'; value: unknown } };

/** A `task/fetch` or `task/submit` invoke as Teams posts it for a dialog button; its answer. */
export async function dialogInvoke(
  bot: BotHarness,
  name: 'task/fetch' | 'task/submit',
  data: unknown,
  as: string,
  conversationType: 'personal' | 'channel' = 'personal',
): Promise<DialogAnswer> {
  const activity = {
    ...executeActivity(
      'x',
      {},
      { serviceUrl: bot.connector.serviceUrl, aadObjectId: as, conversationType },
    ),
    name,
    value: { data, context: { theme: 'default' } },
  };
  const answer = await bot.post(activity);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body as DialogAnswer;
}
