import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { demoUsers, executeActivity } from '../helpers/activities';
import { talkAs, type Conversation } from '../helpers/bot-harness';
import { startBotProcess, type BotProcess } from '../helpers/bot-process';
import { actionData, hasAction } from '../helpers/card-actions';
import { linkChannel, pressInChannel, type ChannelPressAnswer } from '../helpers/channel-mention';
import { cardOf, cardText, type SentActivity } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';
import { measuredTurn, type ProxiedRequest } from '../helpers/store-proxy';

const anouk = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03'; // procesregisseur of the ZVH: another kamer
const mohamed = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04'; // weegtafellid of the kamer, never chatted
const sanne = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a05'; // functioneel beheerder: sees no casussen
const channel = {
  id: '19:lk-rotterdam-open@thread.tacv2',
  teamId: '19:team-rotterdam@thread.tacv2',
};

const MESSAGE = 'application/vnd.microsoft.activity.message';
const OPENED = 'De casus staat nu in je persoonlijke chat met casusbot.';
const REFUSED =
  'Dit kan niet vanuit dit kanaal. Vraag de procesregisseur om toegang als je deze casus moet zien.';
const NO_CHAT =
  /^casusbot heeft nog geen persoonlijke chat met jou\. Open eerst een chat met casusbot/;
const LATER = /Probeer het later opnieuw/;

const personalChat = (aadObjectId: string) => `a:${aadObjectId}`;
/** A card with its download links' tokens left out: each rendering signs a link of its own. */
const withoutLinkTokens = (card: unknown): unknown =>
  JSON.parse(JSON.stringify(card).replace(/\/download\/[^"/]+\.pdf"/g, '/download/<token>.pdf"'));
const documentRequests = (requests: ProxiedRequest[], container: string) =>
  requests.filter((request) => request.path.includes(`/colls/${container}/docs`));
/** The access log's appends (a create is a POST on the container's docs). */
const accessAppends = (requests: ProxiedRequest[]) =>
  documentRequests(requests, 'access-log').filter((request) => request.method === 'POST');
/**
 * Every store request but a read and the access log's record of it: Cosmos writes are POST, PUT,
 * PATCH and DELETE.
 */
const nonReads = (requests: ProxiedRequest[]) =>
  requests.filter(
    (request) =>
      request.method !== 'GET' &&
      // Registry lists are queries (POST on the container's docs) and read nothing else.
      !(request.method === 'POST' && request.path.includes('/colls/registry/docs')) &&
      !accessAppends([request]).length,
  );

describe('bot over HTTP: "Open in mijn chat" on a casus’s root card in the kamer’s channel', function () {
  this.timeout(180_000);
  let bot: BotProcess;
  let fatima: Conversation;
  let jeroen: Conversation;
  let number: string;
  let rootId: string;
  let openData: Record<string, unknown>;

  before(async () => {
    // No sweep during the tests: the store requests measured are the press's own.
    bot = await startBotProcess({ OUTBOX_SWEEP_INTERVAL_MS: '3600000' });
    fatima = talkAs(bot, demoUsers.fatima);
    jeroen = talkAs(bot, demoUsers.jeroen);
    // Their personal chats are remembered: they talked to the bot.
    for (const who of [fatima, jeroen, talkAs(bot, anouk)]) await who.say('help');
    await linkChannel(bot, 'ROT', demoUsers.jeroen, channel);
    number = await submitCasus(fatima);
    const started = await waitFor('the root card', () =>
      bot.connector.threadsStarted.find(
        (thread) =>
          thread.channelId === channel.id && cardText(cardOf(thread.root)).includes(number),
      ),
    );
    rootId = started.rootId;
    openData = actionData(cardOf(started.root), 'kanaal.open');
    await delivered(String(openData.casusId));
  });
  after(async () => {
    bot.proxy.mode = 'pass';
    await bot.stop();
  });

  async function waitFor<T>(what: string, find: () => T | undefined): Promise<T> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`Waited in vain for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * The casus's notifications and channel posts are done and its document has stopped changing
   * for a second: nothing else writes meanwhile (on a loaded machine a write that timed out on the
   * bot's side may still be retried after it landed).
   */
  async function delivered(casusId: string): Promise<void> {
    let quietSince: { etag: string; at: number } | undefined;
    for (let i = 0; i < 300; i++) {
      const { resource } = await bot
        .store()
        .casussen.item(casusId, casusId)
        .read<Casus & { _etag: string }>();
      const done =
        resource && !resource.deliveryLease && resource.outbox.every((entry) => entry.sentAt);
      if (!done) quietSince = undefined;
      else if (quietSince?.etag !== resource._etag)
        quietSince = { etag: resource._etag, at: Date.now() };
      else if (Date.now() - quietSince.at >= 1000) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail(`the notifications of ${casusId} were not delivered`);
  }

  /**
   * A press of "Open in mijn chat" (or another verb) in the casus's thread: the invoke answer, the
   * store requests it made, and what the bot sent or updated in any conversation meanwhile.
   */
  async function pressAs(
    who: string,
    press: { verb: string; data: unknown } = { verb: 'kanaal.open', data: openData },
  ): Promise<{ answer: ChannelPressAnswer; requests: ProxiedRequest[]; sent: SentActivity[] }> {
    const sentBefore = bot.connector.sent.length;
    const updatedBefore = bot.connector.updated.length;
    const { card: answer, requests } = await measuredTurn(bot.proxy, () =>
      pressInChannel(bot, press, who, { ...channel, rootId }),
    );
    // Anything the press set off later than its answer would show up here too.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(bot.connector.updated.length, updatedBefore, 'no card replaced anywhere');
    return { answer, requests, sent: bot.connector.sent.slice(sentBefore) };
  }

  const message = (text: string | RegExp) => (answer: ChannelPressAnswer) => {
    assert.equal(answer.status, 200);
    assert.equal(answer.type, MESSAGE, 'a message, so the channel’s card stays as it is');
    if (typeof text === 'string') assert.equal(answer.value, text);
    else assert.match(String(answer.value), text);
    assert.ok(!String(answer.value).includes(number), 'no casus number in the answer');
  };

  it('a procesregisseur of the kamer: the casus card in their personal chat, as "casus <nummer>" shows it; one casus read, no write', async () => {
    const { answer, requests, sent } = await pressAs(demoUsers.jeroen);
    message(OPENED)(answer);
    assert.deepEqual(
      sent.map((activity) => activity.conversationId),
      [personalChat(demoUsers.jeroen)],
      'one proactive card, in his personal chat only',
    );
    const card = cardOf(sent[0]);
    assert.match(cardText(card), new RegExp(number));
    assert.ok(hasAction(card, 'casus.decide'), 'his view: the decisions he may take');
    assert.match(JSON.stringify(card), /Dossier exporteren \(PDF\)/, 'his dossier link');
    assert.deepEqual(
      withoutLinkTokens(card),
      withoutLinkTokens(await jeroen.say(`casus ${number}`)),
    );
    assert.deepEqual(
      documentRequests(requests, 'casussen').map((r) => r.method),
      ['GET'],
      `one casus read: ${JSON.stringify(documentRequests(requests, 'casussen'))}`,
    );
    assert.deepEqual(
      documentRequests(requests, 'conversations').map((r) => r.method),
      [],
      'his personal chat, known to this instance since he said help, is not read again',
    );
    assert.deepEqual(nonReads(requests), [], 'nothing written');
    assert.equal(accessAppends(requests).length, 1, 'the view, in the access log');
  });

  it('the worker who registered it: the card as her role shows it, without the decisions', async () => {
    const { answer, sent } = await pressAs(demoUsers.fatima);
    message(OPENED)(answer);
    assert.deepEqual(
      sent.map((activity) => activity.conversationId),
      [personalChat(demoUsers.fatima)],
    );
    const card = cardOf(sent[0]);
    assert.ok(!hasAction(card, 'casus.decide'));
    assert.deepEqual(card, await fatima.say(`casus ${number}`));
  });

  // The last column: the refused views in the access log (an existing casus, a known person).
  const refusals: [string, () => [string, unknown], number][] = [
    ['a procesregisseur of another kamer', () => [anouk, openData], 1],
    ['someone who may use casusbot but sees no casussen', () => [sanne, openData], 1],
    ['someone not in the registry', () => [demoUsers.unknown, openData], 0],
    ['someone without a VOG', () => [demoUsers.pieter, openData], 0],
    ['a forged casus id', () => [demoUsers.jeroen, { casusId: randomUUID() }], 0],
    ['a casus number instead of an id', () => [demoUsers.jeroen, { casusId: number }], 0],
    ['no data', () => [demoUsers.jeroen, undefined], 0],
  ];
  for (const [who, pressed, refusedViews] of refusals) {
    it(`${who}: the one refusal, nothing sent anywhere, nothing written`, async () => {
      const [aadObjectId, data] = pressed();
      const { answer, requests, sent } = await pressAs(aadObjectId, { verb: 'kanaal.open', data });
      message(REFUSED)(answer);
      assert.deepEqual(sent, []);
      assert.deepEqual(documentRequests(requests, 'conversations'), [], 'no chat looked up');
      assert.ok(documentRequests(requests, 'casussen').length <= 1, 'at most the casus read');
      assert.deepEqual(nonReads(requests), [], 'nothing written');
      assert.equal(accessAppends(requests).length, refusedViews, 'the refused view, recorded');
    });
  }

  it('someone who may see it but never chatted with the bot: told to open a chat first; nothing sent', async () => {
    const { answer, requests, sent } = await pressAs(mohamed);
    message(NO_CHAT)(answer);
    assert.deepEqual(sent, []);
    assert.deepEqual(nonReads(requests), [], 'nothing written');
  });

  it('a personal chat that refuses the card (the bot blocked): told to open a chat; down for now: later', async () => {
    const chat = personalChat(demoUsers.jeroen);
    try {
      bot.connector.refusing.add(chat);
      message(NO_CHAT)((await pressAs(demoUsers.jeroen)).answer);
      bot.connector.refusing.delete(chat);
      bot.connector.unavailable.add(chat);
      message(LATER)((await pressAs(demoUsers.jeroen)).answer);
    } finally {
      bot.connector.refusing.delete(chat);
      bot.connector.unavailable.delete(chat);
    }
    assert.equal(bot.connector.failed.get(chat), 2, 'both were tried');
  });

  it('the store down: "probeer het later opnieuw", as a message', async () => {
    bot.proxy.mode = 'refuse';
    bot.proxy.dropConnections();
    try {
      const { answer, sent } = await pressAs(demoUsers.jeroen);
      message(LATER)(answer);
      assert.deepEqual(sent, []);
    } finally {
      bot.proxy.mode = 'pass';
    }
  });

  it('any other verb from the channel, and this one from a group chat, still get the pointer to the personal chat', async () => {
    const refresh = await pressAs(demoUsers.jeroen, {
      verb: 'casus.refresh',
      data: { casusId: openData.casusId },
    });
    const groupChat = executeActivity('kanaal.open', openData, {
      serviceUrl: bot.connector.serviceUrl,
      aadObjectId: demoUsers.jeroen,
      conversationType: 'groupChat',
      conversationId: '19:group-open@thread.v2',
    });
    const inGroup = (await bot.post(groupChat)).body as ChannelPressAnswer;
    for (const answer of [refresh.answer, inGroup]) {
      assert.equal(answer.type, 'application/vnd.microsoft.card.adaptive');
      const text = cardText(answer.value);
      assert.match(text, /casusbot werkt in je persoonlijke chat/);
      assert.ok(!text.includes(number));
    }
    assert.deepEqual(refresh.sent, []);
  });
});
