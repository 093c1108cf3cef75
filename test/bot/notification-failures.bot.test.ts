import assert from 'node:assert/strict';
import { demoUsers } from '../helpers/activities';
import { startBotHarness, talkAs, type BotHarness } from '../helpers/bot-harness';
import { cardOf, cardText } from '../helpers/fake-connector';
import { storedCasus } from '../helpers/channel-thread-watch';
import { submitCasus } from '../helpers/intake-flow';

const mohamed = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04'; // weegtafellid of Lokale Kamer Rotterdam
const chatOf = (aadObjectId: string) => `a:${aadObjectId}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, or fails after `ms`. */
async function eventually(what: string, check: () => boolean | Promise<boolean>, ms: number) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) assert.fail(`${what}: not within ${ms} ms`);
    await sleep(100);
  }
}

/** New cards (not updates) posted into a person's chat about this casus. */
const cardsAbout = (bot: BotHarness, aadObjectId: string, number: string) =>
  bot.connector.sent.filter(
    (sent) =>
      sent.conversationId === chatOf(aadObjectId) &&
      cardText(cardOf(sent)).includes(`Casus ${number}`),
  );
const updatesTo = (bot: BotHarness, aadObjectId: string) =>
  bot.connector.updated.filter((update) => update.conversationId === chatOf(aadObjectId));

describe('bot over HTTP: a recipient whose chat refuses or fails', function () {
  this.timeout(60_000);
  let bot: BotHarness | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it('gives everyone else exactly one card when one recipient has blocked the bot (403), and ends the entry', async () => {
    const lines: string[] = [];
    bot = await startBotHarness({ OUTBOX_SWEEP_INTERVAL_MS: '500', LOG_LEVEL: 'warn' }, lines);
    const fatima = talkAs(bot, demoUsers.fatima);
    for (const who of [demoUsers.jeroen, mohamed]) await talkAs(bot, who).say('help');
    bot.connector.refusing.add(chatOf(mohamed));

    const number = await submitCasus(fatima);
    await eventually(
      'Jeroen is told',
      () => cardsAbout(bot!, demoUsers.jeroen, number).length > 0,
      5000,
    );
    await sleep(3000); // six sweeps

    assert.equal(cardsAbout(bot, demoUsers.jeroen, number).length, 1, 'one card for Jeroen');
    assert.equal(updatesTo(bot, demoUsers.jeroen).length, 0, 'and no updates of it');
    assert.equal(bot.connector.failed.get(chatOf(mohamed)), 1, 'the refusing chat is tried once');
    assert.deepEqual((await storedCasus(bot, number)).outbox, [], 'the entry is done and pruned');
    const ended = lines.filter((line) => line.includes('recipient refuses cards'));
    assert.equal(ended.length, 1, lines.join(''));
    assert.match(ended[0]!, /"status":403/);
    for (const personal of [mohamed, 'Mohamed', 'Yilmaz', demoUsers.jeroen]) {
      assert.ok(!ended[0]!.includes(personal), `no ${personal} in ${ended[0]}`);
    }
  });

  it('retries a recipient whose chat fails for now (503) and delivers once, to nobody twice', async () => {
    bot = await startBotHarness({ OUTBOX_SWEEP_INTERVAL_MS: '500' });
    const fatima = talkAs(bot, demoUsers.fatima);
    for (const who of [demoUsers.jeroen, mohamed]) await talkAs(bot, who).say('help');
    bot.connector.unavailable.add(chatOf(mohamed));

    const number = await submitCasus(fatima);
    // The connector client retries a 503 itself; `attempts` counts the deliveries.
    const retried = async () => ((await storedCasus(bot!, number)).outbox[0]?.attempts ?? 0) >= 2;
    await eventually('Mohamed is tried in a second delivery', retried, 15_000);
    const pending = (await storedCasus(bot, number)).outbox;
    assert.equal(pending.length, 1, 'the entry waits for Mohamed');
    assert.deepEqual(pending[0]!.doneFor, [demoUsers.jeroen], 'and knows Jeroen has it');
    bot.connector.unavailable.clear();
    await eventually('Mohamed is told', () => cardsAbout(bot!, mohamed, number).length > 0, 5000);
    await sleep(2000);

    assert.equal(cardsAbout(bot, mohamed, number).length, 1, 'one card for Mohamed');
    assert.equal(cardsAbout(bot, demoUsers.jeroen, number).length, 1, 'one card for Jeroen');
    assert.equal(
      updatesTo(bot, demoUsers.jeroen).length,
      0,
      'Jeroen’s card is not updated by the retries',
    );
    assert.deepEqual((await storedCasus(bot, number)).outbox, []);
  });

  it('gives a notification up after OUTBOX_MAX_ATTEMPTS failed deliveries, and says so', async () => {
    const lines: string[] = [];
    bot = await startBotHarness(
      { OUTBOX_SWEEP_INTERVAL_MS: '500', OUTBOX_MAX_ATTEMPTS: '3', LOG_LEVEL: 'warn' },
      lines,
    );
    const fatima = talkAs(bot, demoUsers.fatima);
    await talkAs(bot, demoUsers.jeroen).say('help');
    bot.connector.unavailable.add(chatOf(demoUsers.jeroen));

    const number = await submitCasus(fatima);
    const gone = async () => (await storedCasus(bot!, number)).outbox.length === 0;
    await eventually('the entry is given up', gone, 30_000);
    const failures = bot.connector.failed.get(chatOf(demoUsers.jeroen));
    await sleep(1500); // three sweeps
    assert.equal(
      bot.connector.failed.get(chatOf(demoUsers.jeroen)),
      failures,
      'then no more tries',
    );
    assert.equal(cardsAbout(bot, demoUsers.jeroen, number).length, 0);
    const givenUp = lines.filter((line) => line.includes('notification given up'));
    assert.equal(givenUp.length, 1, lines.join(''));
    assert.match(givenUp[0]!, /"attempts":3,"recipientsLeft":1/);
    assert.ok(!givenUp[0]!.includes(demoUsers.jeroen), 'no person in the log line');
  });
});
