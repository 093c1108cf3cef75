import assert from 'node:assert/strict';
import { executeActivity } from './activities';
import type { BotHarness } from './bot-harness';

export type DialogAnswer = { task: { type: 'continue' | 'message'; value: unknown } };

/** A bot to post to, and the connector it answers through: in-process or its own process. */
export type BotEndpoint = Pick<BotHarness, 'post' | 'connector'>;

/** A `task/fetch` or `task/submit` invoke as Teams posts it for a dialog button; its answer. */
export async function dialogInvoke(
  bot: BotEndpoint,
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

/** The invitee's "Ondertekenen" as Teams sends it (`task/fetch`): the dialog's signing link. */
export async function signingDialogUrl(
  bot: BotEndpoint,
  as: string,
  ids: { invitationId: string; casusId: string },
): Promise<string> {
  const data = { verb: 'invitation.sign', ...ids, msteams: { type: 'task/fetch' } };
  const opened = await dialogInvoke(bot, 'task/fetch', data, as);
  assert.equal(opened.task.type, 'continue', JSON.stringify(opened));
  const url = (opened.task.value as { url?: string }).url;
  assert.ok(url, 'the dialog has a URL');
  return url;
}
