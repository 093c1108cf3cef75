import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { demoUsers, messageActivity } from '../helpers/activities';
import { startAppProcess, type AppProcess } from '../helpers/app-process';
import { postActivity, talkAs, type BotHarness, type Conversation } from '../helpers/bot-harness';
import { startBotProcess, type BotProcess } from '../helpers/bot-process';
import { actionData } from '../helpers/card-actions';
import { cardOf, cardText } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';

const mohamed = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04'; // weegtafellid of Lokale Kamer Rotterdam
const motivation = 'Besproken in het casusoverleg; de criteria zijn getoetst en voldoen.';
const chatOf = (aadObjectId: string) => `a:${aadObjectId}`;

/** Waits until `check` holds, or fails after `ms`. */
async function eventually(what: string, check: () => boolean, ms: number): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) assert.fail(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - started;
}

describe('bot over HTTP: notifications when a connector hangs, and with two bot instances', function () {
  this.timeout(180_000);
  let bot: BotProcess;
  let fatima: Conversation;
  let jeroen: Conversation;
  let weegtafel: Conversation;

  before(async () => {
    bot = await startBotProcess({ OUTBOX_SWEEP_INTERVAL_MS: '1000' });
    fatima = talkAs(bot, demoUsers.fatima);
    jeroen = talkAs(bot, demoUsers.jeroen);
    weegtafel = talkAs(bot, mohamed);
    for (const who of [jeroen, weegtafel]) await who.say('help');
  });
  after(async () => {
    await bot.stop();
  });
  afterEach(() => {
    bot.connector.hanging.clear();
    assert.equal(bot.app.child.exitCode, null, 'the bot process is still running');
  });

  /** Cards posted (not updated in place) into a person's chat that match. */
  const newCardsTo = (aadObjectId: string, pattern: RegExp) =>
    bot.connector.sent.filter(
      (sent) => sent.conversationId === chatOf(aadObjectId) && pattern.test(cardText(cardOf(sent))),
    );

  it('goes on delivering after a notification whose send never gets an answer, and the sweep retries it', async () => {
    bot.connector.hanging.add(chatOf(demoUsers.jeroen));
    const number = await submitCasus(fatima);
    await eventually('the send to Jeroen hangs', () => bot.connector.hung > 0, 10_000);

    // A later notification of the same casus is not held up behind the hanging one.
    const card = await weegtafel.say(`casus ${number}`);
    await weegtafel.execute('casus.decide', {
      ...actionData(card, 'casus.decide'),
      action: 'accepteren',
      motivation,
    });
    const toFatima = new RegExp(`Casus ${number}[\\s\\S]*\\*\\*Geaccepteerd`);
    const ms = await eventually(
      'Fatima hears of the decision',
      () => newCardsTo(demoUsers.fatima, toFatima).length > 0,
      15_000,
    );
    assert.ok(ms < 15_000);

    // Once Jeroen's connector answers again, the sweep delivers what stayed pending.
    bot.connector.hanging.clear();
    await eventually(
      'the sweep delivers the aanmelding to Jeroen',
      () =>
        newCardsTo(demoUsers.jeroen, new RegExp(`Casus ${number}[\\s\\S]*Open casus`)).length > 0,
      15_000,
    );
  });

  it('answers a turn whose reply goes to a connector that never answers within Teams’ limit', async () => {
    bot.connector.hanging.add(chatOf(demoUsers.fatima));
    const started = Date.now();
    const answer = await bot.post(
      messageActivity('help', {
        serviceUrl: bot.connector.serviceUrl,
        aadObjectId: demoUsers.fatima,
      }),
    );
    assert.equal(answer.status, 200);
    assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
  });

  describe('two bot processes on one store', () => {
    let second: AppProcess;
    let viaSecond: BotHarness;

    before(async () => {
      second = await startAppProcess({
        PORT: '0',
        DEMO_MODE: 'true',
        OUTBOX_SWEEP_INTERVAL_MS: '500',
        ...bot.storeEnv,
      });
      viaSecond = { ...bot, url: second.botUrl, post: (a) => postActivity(second.botUrl, a) };
    });
    after(async () => {
      if (second.child.exitCode === null) second.child.kill('SIGKILL');
      await second.exited;
    });

    it('sends each notification to each chat once, whichever instance writes or sweeps', async () => {
      const numbers: string[] = [];
      for (let i = 0; i < 10; i++) {
        numbers.push(await submitCasus(talkAs(i % 2 === 0 ? bot : viaSecond, demoUsers.fatima)));
      }
      const aanmelding = (number: string) =>
        newCardsTo(demoUsers.jeroen, new RegExp(`Casus ${number}[\\s\\S]*\\*\\*Aangemeld\\*\\*`));
      await eventually(
        'every aanmelding reaches Jeroen',
        () => numbers.every((number) => aanmelding(number).length > 0),
        20_000,
      );
      // Give both sweeps time to run a few times more.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const counts = numbers.map((number) => aanmelding(number).length);
      assert.deepEqual(
        counts,
        numbers.map(() => 1),
        `cards per casus: ${counts.join(', ')}`,
      );
      assert.equal(second.child.exitCode, null);
    });
  });

  describe('conversation references', () => {
    const references = async () =>
      (
        await bot
          .store()
          .conversations.items.readAll<{ id: string; reference: unknown }>()
          .fetchAll()
      ).resources;

    it('stores none for senders who are not in the registry', async () => {
      const before = (await references()).length;
      for (let i = 0; i < 25; i++) {
        const answer = await bot.post(
          messageActivity('help', {
            serviceUrl: bot.connector.serviceUrl,
            aadObjectId: randomUUID(),
          }),
        );
        assert.equal(answer.status, 200);
      }
      assert.equal((await references()).length, before);
    });

    it('stores none from a conversation that calls itself personal but is a group or a team', async () => {
      const stored = async () =>
        JSON.stringify((await references()).find((entry) => entry.id === demoUsers.jeroen));
      const known = await stored();
      assert.match(known, new RegExp(chatOf(demoUsers.jeroen)));
      const personal = messageActivity('help', {
        serviceUrl: bot.connector.serviceUrl,
        aadObjectId: demoUsers.jeroen,
      });
      const disguised = [
        {
          ...personal,
          conversation: { ...personal.conversation, id: '19:group@thread.v2', isGroup: true },
        },
        {
          ...personal,
          conversation: { ...personal.conversation, id: '19:team@thread.tacv2' },
          channelData: { ...personal.channelData, team: { id: '19:team@thread.tacv2' } },
        },
      ];
      for (const activity of disguised) {
        assert.equal((await bot.post(activity)).status, 200);
        const reply = await bot.connector.waitForReply(activity.id);
        assert.match(cardText(cardOf(reply)), /persoonlijke chat/);
      }
      assert.equal(await stored(), known);

      // The next notification goes to the real personal chat, not to the group.
      const mark = bot.connector.sent.length;
      const number = await submitCasus(fatima);
      await eventually(
        'Jeroen hears of the new casus',
        () =>
          newCardsTo(demoUsers.jeroen, new RegExp(`Casus ${number}[\\s\\S]*Open casus`)).length > 0,
        10_000,
      );
      assert.ok(
        bot.connector.sent.slice(mark).every((sent) => !sent.conversationId.startsWith('19:')),
      );
    });
  });
});
