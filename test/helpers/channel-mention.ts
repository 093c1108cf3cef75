import assert from 'node:assert/strict';
import { messageActivity } from './activities';
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
