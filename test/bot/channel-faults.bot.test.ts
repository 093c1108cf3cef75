import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import type { ChannelLink } from '../../src/domain/channel/channel-link';
import { demoUsers } from '../helpers/activities';
import { cardProblems } from '../helpers/adaptive-card-check';
import { startBotHarness, talkAs, type BotHarness } from '../helpers/bot-harness';
import { linkChannel } from '../helpers/channel-mention';
import {
  channelEntriesSettled,
  repliesIn,
  replyMatching,
  rootNow,
  threadIn,
  waitFor,
} from '../helpers/channel-thread-watch';
import { press } from '../helpers/decision-press';
import { cardOf, cardText } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';

const anouk = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03'; // procesregisseur of the ZVH
const sanne = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a05'; // functioneel beheerder
const lkChannel = '19:lk-faults@thread.tacv2';
const otherChannel = '19:lk-faults-new@thread.tacv2';
const team = '19:team-faults@thread.tacv2';
const chatOf = (aadObjectId: string) => `a:${aadObjectId}`;

/** Cards posted (not updated in place) into a person's chat whose text matches. */
const cardsTo = (bot: BotHarness, aadObjectId: string, pattern: RegExp) =>
  bot.connector.sent
    .filter((sent) => sent.conversationId === chatOf(aadObjectId))
    .map((sent) => cardOf(sent))
    .filter((card) => pattern.test(cardText(card)));

describe('bot over HTTP: a casus thread whose channel refuses, throttles, fails or hangs', function () {
  this.timeout(180_000);
  let bot: BotHarness;
  let lines: string[];
  beforeEach(async () => {
    lines = [];
    // Sweeps every 500 ms: what a delivery left pending is tried again soon.
    bot = await startBotHarness({ OUTBOX_SWEEP_INTERVAL_MS: '500', LOG_LEVEL: 'warn' }, lines);
    // Everyone involved has their personal chat with the bot: notifications reach them there.
    for (const who of [demoUsers.fatima, demoUsers.jeroen, anouk, sanne])
      await talkAs(bot, who).say('help');
    await linkChannel(bot, 'ROT', sanne, { id: lkChannel, teamId: team });
  });
  afterEach(async () => {
    await bot.stop();
  });

  const arrivals = (conversationId: string) => bot.connector.faults.arrivals(conversationId);
  const storedLink = async () => {
    const id = 'kanaal:lk-rotterdam';
    return (await bot.store().conversations.item(id, id).read<ChannelLink>()).resource;
  };
  const open = (who: string, number: string) => talkAs(bot, who).say(`casus ${number}`);
  const decide = async (who: string, number: string, action: string) =>
    press(talkAs(bot, who), await open(who, number), action);

  it('403 MessageWritesBlocked: the link is marked broken, its linker told once, the channel left alone; personal cards go on', async () => {
    const number = await submitCasus(talkAs(bot, demoUsers.fatima));
    const thread = await threadIn(bot.connector, lkChannel, number);
    await channelEntriesSettled(bot, number);
    bot.connector.blockWrites(lkChannel);
    bot.connector.blockWrites(thread.conversationId);

    await decide(demoUsers.jeroen, number, 'accepteren');
    const link = await waitFor('the link marked broken', async () => (await storedLink())?.broken);
    assert.equal(link.status, 403);
    const [told] = await waitFor('the linker told', () => {
      const cards = cardsTo(bot, sanne, /Kanaal ontkoppeld/);
      return cards.length > 0 ? cards : undefined;
    });
    assert.deepEqual(cardProblems(told), []);
    assert.match(
      cardText(told),
      /Teams weigert berichten van casusbot in het kanaal\. Het kanaal dat je op .* aan Lokale Kamer Rotterdam koppelde/,
    );
    assert.match(cardText(told), /typ daar @casusbot koppel ROT/);
    const accepted = new RegExp(`Casus ${number}[\\s\\S]*\\*\\*Geaccepteerd`);
    await waitFor(
      'Fatima hears of the decision',
      () => cardsTo(bot, demoUsers.fatima, accepted)[0],
    );

    // Later steps of this casus and a new casus: told in personal chats, never in the channel.
    await decide(demoUsers.jeroen, number, 'opschalen');
    const second = await submitCasus(talkAs(bot, demoUsers.fatima));
    const escalated = new RegExp(`Casus ${number}[\\s\\S]*Opschaling`);
    await waitFor('Anouk hears of the escalation', () => cardsTo(bot, anouk, escalated)[0]);
    const aangemeld = new RegExp(`Casus ${second}[\\s\\S]*\\*\\*Aangemeld\\*\\*`);
    await waitFor(
      'Jeroen hears of the new casus',
      () => cardsTo(bot, demoUsers.jeroen, aangemeld)[0],
    );
    // Settled: every channel entry is done (nothing owed to a broken link), not left pending.
    await channelEntriesSettled(bot, number);
    await channelEntriesSettled(bot, second);

    assert.equal(arrivals(thread.conversationId).length, 1, 'the refused reply, nothing after');
    assert.equal(arrivals(lkChannel).length, 1, 'the first casus’s thread, none for the second');
    assert.deepEqual(repliesIn(bot.connector, thread.conversationId), []);
    assert.equal(
      bot.connector.updated.filter((u) => u.conversationId === thread.conversationId).length,
      0,
    );
    assert.equal(cardsTo(bot, sanne, /Kanaal ontkoppeld/).length, 1, 'told once');
    assert.equal(lines.filter((l) => l.includes('link broken')).length, 1);
  });

  it('429 with Retry-After, 500s and a hanging request: every step replied once, in order, Retry-After kept, the root up to date', async () => {
    const number = await submitCasus(talkAs(bot, demoUsers.fatima));
    const thread = await threadIn(bot.connector, lkChannel, number);
    await channelEntriesSettled(bot, number);
    const inThread = () => arrivals(thread.conversationId);

    // 429, Retry-After 3 s: nothing reaches the thread before it has passed, and the personal
    // cards of the same step do not wait for it.
    bot.connector.throttle(thread.conversationId, { times: 1, retryAfter: 3 });
    const before429 = inThread().length;
    await decide(demoUsers.jeroen, number, 'accepteren');
    const accepted = new RegExp(`Casus ${number}[\\s\\S]*\\*\\*Geaccepteerd`);
    await waitFor(
      'Fatima hears of the decision',
      () => cardsTo(bot, demoUsers.fatima, accepted)[0],
    );
    const toldFatimaAt = performance.now();
    await replyMatching(bot.connector, thread.conversationId, /Geaccepteerd door de Lokale Kamer/);
    await channelEntriesSettled(bot, number);
    const [throttled, ...after429] = inThread().slice(before429);
    assert.ok(after429.length >= 2, 'the reply and the root’s update, after the 429');
    for (const at of after429)
      assert.ok(at - throttled! >= 3000, `${at - throttled!} ms after the 429`);
    assert.ok(toldFatimaAt - throttled! < 3000, `Fatima told ${toldFatimaAt - throttled!} ms on`);

    // 500 on every attempt of one delivery (4): the entry waits for a later delivery.
    bot.connector.failWith(thread.conversationId, 500, 4);
    const before500 = inThread().length;
    const linesBefore500 = lines.length;
    await decide(demoUsers.jeroen, number, 'opschalen');
    await replyMatching(
      bot.connector,
      thread.conversationId,
      /Opschaling naar het Zorg- en Veiligheidshuis aangevraagd/,
    );
    await channelEntriesSettled(bot, number);
    assert.ok(inThread().length - before500 >= 6, 'four 500s, then the reply and the update');
    assert.ok(
      lines
        .slice(linesBefore500)
        .some((l) => l.includes('channel post not through; next delivery')),
      'left for the next delivery',
    );

    // A request that never gets an answer: cut off at the connector's deadline, tried again.
    bot.connector.hanging.add(thread.conversationId);
    const hungBefore = bot.connector.hung;
    await decide(anouk, number, 'opschaling-accepteren');
    await waitFor('a request hangs', () => (bot.connector.hung > hungBefore ? true : undefined));
    bot.connector.hanging.delete(thread.conversationId);
    await replyMatching(bot.connector, thread.conversationId, /Opschaling geaccepteerd/);
    await channelEntriesSettled(bot, number);

    await decide(anouk, number, 'afschalen');
    await replyMatching(bot.connector, thread.conversationId, /Afgeschaald naar de Lokale Kamer/);
    await channelEntriesSettled(bot, number);

    const replies = repliesIn(bot.connector, thread.conversationId);
    assert.deepEqual(
      replies.map(({ text }) => /^LK-\S+: ([^\n]+)/.exec(text)?.[1]),
      [
        'Geaccepteerd door de Lokale Kamer',
        'Opschaling naar het Zorg- en Veiligheidshuis aangevraagd',
        'Opschaling geaccepteerd door het Zorg- en Veiligheidshuis',
        'Afgeschaald naar de Lokale Kamer',
      ],
      'each step once, in the order taken',
    );
    assert.equal(new Set(replies.map(({ entryRef }) => entryRef)).size, replies.length);
    assert.match(rootNow(bot.connector, thread), /Status\nIn behandeling bij de Lokale Kamer/);
    assert.match(rootNow(bot.connector, thread), /Laatste stap\nAfgeschaald naar de Lokale Kamer/);
  });

  it('403 from a channel the kamer was linked away from meanwhile: the new link stays whole and gets the step', async () => {
    const number = await submitCasus(talkAs(bot, demoUsers.fatima));
    const thread = await threadIn(bot.connector, lkChannel, number);
    await channelEntriesSettled(bot, number);
    // The reply hangs while Sanne links another channel; the old one refuses the retry.
    bot.connector.hanging.add(thread.conversationId);
    bot.connector.blockWrites(thread.conversationId);
    await decide(demoUsers.jeroen, number, 'accepteren');
    await waitFor('the reply hangs', () => (bot.connector.hung > 0 ? true : undefined));
    await linkChannel(bot, 'ROT', sanne, { id: otherChannel, teamId: team });
    bot.connector.hanging.delete(thread.conversationId);
    await waitFor('the old channel refuses', () =>
      arrivals(thread.conversationId).length >= 2 ? true : undefined,
    );
    const moved = await threadIn(bot.connector, otherChannel, number);
    await channelEntriesSettled(bot, number);

    const link = await storedLink();
    assert.equal(link?.channelId, otherChannel);
    assert.equal(link.broken, undefined, 'the new link is not the one that refused');
    assert.match(rootNow(bot.connector, moved), /Status\nIn behandeling bij de Lokale Kamer/);
    assert.deepEqual(cardsTo(bot, sanne, /Kanaal ontkoppeld/), [], 'the kamer’s channel is fine');
    const second = await submitCasus(talkAs(bot, demoUsers.fatima));
    await threadIn(bot.connector, otherChannel, second);
  });
});
