import assert from 'node:assert/strict';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { demoUsers } from '../helpers/activities';
import { talkAs, type Conversation } from '../helpers/bot-harness';
import { startBotProcess, type BotProcess } from '../helpers/bot-process';
import { press } from '../helpers/decision-press';
import { cardText } from '../helpers/fake-connector';
import { storedCasus } from '../helpers/channel-thread-watch';
import { submitCasus } from '../helpers/intake-flow';
import { measuredTurn, type ProxiedRequest } from '../helpers/store-proxy';

/**
 * Method and container of each request: what a round trip is, without ids. The bot runs in demo
 * mode (its test registry), where each turn also reads the role its user plays: that one read of
 * a demo-persona document is left out, as production has none.
 */
const trips = (requests: readonly ProxiedRequest[]) =>
  requests
    .filter((request) => !(request.method === 'GET' && request.path.includes('/colls/registry/')))
    .map((request) => {
      const container = /\/colls\/([^/]+)/.exec(request.path)?.[1] ?? '?';
      const post = request.method === 'POST' && /\/docs$/.test(request.path);
      // A POST on the access log's docs is its append (the app never queries it in a turn).
      if (post && container === 'access-log') return 'APPEND access-log';
      return `${post ? 'QUERY' : request.method} ${container}`;
    });

describe('bot over HTTP: store round trips of a decision, in the turn and after it', function () {
  this.timeout(120_000);
  let bot: BotProcess;
  let fatima: Conversation;
  let jeroen: Conversation;
  before(async () => {
    // No sweep meanwhile: the requests counted are the turn's and its delivery's own.
    bot = await startBotProcess({ OUTBOX_SWEEP_INTERVAL_MS: '3600000' });
    fatima = talkAs(bot, demoUsers.fatima);
    jeroen = talkAs(bot, demoUsers.jeroen);
    for (const who of [fatima, jeroen]) await who.say('help');
  });
  after(async () => {
    await bot.stop();
  });

  /**
   * The casus's outbox is delivered, and the proxy has seen the answer to its last write (the
   * store applies a write before it answers, so a direct read sees it first).
   */
  async function delivered(casusId: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const { resource } = await bot.store().casussen.item(casusId, casusId).read<Casus>();
      if (resource && !resource.deliveryLease && resource.outbox.length === 0) {
        for (let seen = -1; seen !== bot.proxy.forwarded.length;) {
          seen = bot.proxy.forwarded.length;
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail(`the outbox of ${casusId} was not delivered`);
  }

  it('reads the casus once and writes it once in the turn, and the delivery adds one write', async () => {
    const number = await submitCasus(fatima);
    const card = await jeroen.say(`casus ${number}`);
    const casusId = JSON.stringify(card).match(/"casusId":"([0-9a-f-]{36})"/)![1]!;
    await delivered(casusId);

    const from = bot.proxy.forwarded.length;
    const { card: answer, requests } = await measuredTurn(bot.proxy, () =>
      press(jeroen, card, 'accepteren'),
    );
    assert.match(cardText(answer), /Besluit vastgelegd|In behandeling/);
    // The decision's access record is one append beside it (the view it implies is not apart).
    assert.deepEqual(
      trips(requests),
      ['GET casussen', 'PUT casussen', 'APPEND access-log'],
      'in the turn',
    );
    await delivered(casusId);
    const after = bot.proxy.forwarded.slice(from + requests.length);
    // The delivery (Fatima's notification, the copies kept in line) marks what it sent: one write.
    assert.deepEqual(trips(after), ['PUT casussen'], `after the turn: ${JSON.stringify(after)}`);
    assert.ok(
      bot.connector.sent.some((sent) => sent.conversationId === `a:${demoUsers.fatima}`),
      'the worker was told',
    );
  });

  it('finds a casus by number with two point reads, no query', async () => {
    const number = await submitCasus(fatima);
    await delivered((await storedCasus(bot, number)).id); // nothing writes it meanwhile
    const { card, requests } = await measuredTurn(bot.proxy, () => jeroen.say(`casus ${number}`));
    assert.match(cardText(card), new RegExp(number));
    // The number's entry (kept with the counters), then the casus: no cross-partition query.
    assert.deepEqual(
      trips(requests),
      ['GET counters', 'GET casussen', 'APPEND access-log'],
      JSON.stringify(requests),
    );
  });
});
