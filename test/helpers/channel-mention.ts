import assert from 'node:assert/strict';
import { executeActivity, messageActivity } from './activities';
import { cardProblems } from './adaptive-card-check';
import type { BotHarness } from './bot-harness';
import { cardOf, cardText } from './fake-connector';

/** A team channel, as Teams names it in `channelData`. */
export interface TestChannel {
  id: string;
  teamId: string;
}

/**
 * Says `text` to the bot in a channel with an @mention, as Teams sends it (the mention entity
 * beside the `<at>` text); the bot's answer in that thread, checked by the Adaptive Cards parser.
 */
export async function mentionInChannel(
  bot: BotHarness,
  text: string,
  who: string,
  channel: TestChannel,
): Promise<{ card: Record<string, unknown>; text: string }> {
  const activity = messageActivity(`<at>casusbot</at> ${text}`, {
    serviceUrl: bot.connector.serviceUrl,
    aadObjectId: who,
    channel,
  });
  const mention = { type: 'mention', text: '<at>casusbot</at>', mentioned: activity.recipient };
  assert.equal((await bot.post({ ...activity, entities: [mention] })).status, 200);
  const reply = await bot.connector.waitForReply(activity.id);
  assert.equal(reply.conversationId, activity.conversation.id, 'answered in the thread');
  const card = cardOf(reply);
  assert.deepEqual(cardProblems(card), []);
  return { card, text: cardText(card) };
}

/** `koppel <kamer>` in the channel, by someone who may: the kamer linked. */
export async function linkChannel(
  bot: BotHarness,
  kamer: string,
  who: string,
  channel: TestChannel,
): Promise<void> {
  assert.match(
    (await mentionInChannel(bot, `koppel ${kamer}`, who, channel)).text,
    /Kanaal gekoppeld/,
  );
}

/** The invoke answer to a press in a channel: a message (a text) or a card that replaces it. */
export interface ChannelPressAnswer {
  status: number;
  type: string | undefined;
  value: unknown;
}

/**
 * Presses an Action.Execute on a card in a channel thread as Teams sends it: an
 * `adaptiveCard/action` invoke in the thread's conversation, with the channel in `channelData`.
 */
export async function pressInChannel(
  bot: BotHarness,
  press: { verb: string; data: unknown },
  who: string,
  thread: TestChannel & { rootId: string },
): Promise<ChannelPressAnswer> {
  const activity = executeActivity(press.verb, press.data, {
    serviceUrl: bot.connector.serviceUrl,
    aadObjectId: who,
    channel: thread,
    conversationId: `${thread.id};messageid=${thread.rootId}`,
  });
  const { status, body } = await bot.post(activity);
  const answer = body as { statusCode?: number; type?: string; value?: unknown } | undefined;
  assert.equal(answer?.statusCode, status, 'the body repeats the status');
  return { status, type: answer?.type, value: answer?.value };
}
