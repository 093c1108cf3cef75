import assert from 'node:assert/strict';
import { demoUsers, executeActivity, messageActivity, submitActivity } from '../helpers/activities';
import { cardProblems } from '../helpers/adaptive-card-check';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness';
import { cardOf, cardText } from '../helpers/fake-connector';

interface InvokeBody {
  status: number;
  body: { statusCode: number; type: string; value: Record<string, unknown> };
}

describe('bot over HTTP: the demo role switch', () => {
  describe('in demo mode', () => {
    let bot: BotHarness;
    before(async () => {
      bot = await startBotHarness({ DEMO_MODE: 'true' });
    });
    after(async () => {
      await bot.stop();
    });
    beforeEach(() => bot.connector.clear());

    const options = () => ({ serviceUrl: bot.connector.serviceUrl, aadObjectId: demoUsers.fatima });

    async function say(text: string): Promise<string> {
      const before = bot.connector.sent.length;
      assert.equal((await bot.post(messageActivity(text, options()))).status, 200);
      const sent = await bot.connector.waitForCount(before + 1);
      const card = cardOf(sent.at(-1));
      assert.deepEqual(cardProblems(card), []);
      return cardText(card);
    }

    async function execute(verb: string, data: unknown): Promise<string> {
      const response = (await bot.post(executeActivity(verb, data, options()))) as InvokeBody;
      assert.equal(response.status, 200);
      assert.equal(response.body.statusCode, 200);
      assert.equal(response.body.type, 'application/vnd.microsoft.card.adaptive');
      assert.deepEqual(cardProblems(response.body.value), []);
      return cardText(response.body.value);
    }

    it('lists only authorised registry persons as roles to take on', async () => {
      const text = await say('rol');
      assert.match(text, /Word Jeroen de Vries/);
      assert.match(text, /Word Anouk Bakker/);
      assert.doesNotMatch(text, /Pieter Visser/);
    });

    it('switches role with a card button, and the next turn acts as that person', async () => {
      assert.match(
        await execute('demo.persona', { personId: demoUsers.jeroen }),
        /Hallo Jeroen de Vries/,
      );
      assert.match(await say('help'), /procesregisseur \(Lokale Kamer Rotterdam\)/);
      assert.match(
        await execute('demo.persona', { personId: demoUsers.fatima }),
        /Hallo Fatima El Amrani/,
      );
    });

    it('accepts the Action.Submit fallback of the same button', async () => {
      const before = bot.connector.sent.length;
      await bot.post(
        submitActivity({ verb: 'demo.persona', personId: demoUsers.jeroen }, options()),
      );
      const sent = await bot.connector.waitForCount(before + 1);
      assert.match(cardText(cardOf(sent.at(-1))), /Hallo Jeroen de Vries/);
      await execute('demo.persona', { personId: demoUsers.fatima });
    });

    it('refuses a forged persona that is not authorised, and changes nothing', async () => {
      assert.match(
        await execute('demo.persona', { personId: demoUsers.pieter }),
        /Deze rol bestaat niet[\s\S]*niets gewijzigd/,
      );
      assert.match(await say('help'), /Hallo Fatima El Amrani/);
    });

    it('refuses malformed card data (a 100 KB string) with a clear error', async () => {
      const text = await execute('demo.persona', { personId: 'x'.repeat(100_000) });
      assert.match(text, /Ongeldige invoer[\s\S]*niets gewijzigd/);
      assert.match(await say('help'), /Hallo Fatima El Amrani/);
    });

    it('refuses an unknown verb', async () => {
      assert.match(await execute('casus.wissen', {}), /Onbekende actie/);
    });

    it('does not let an unregistered user switch role', async () => {
      const response = (await bot.post(
        executeActivity(
          'demo.persona',
          { personId: demoUsers.jeroen },
          { serviceUrl: bot.connector.serviceUrl, aadObjectId: demoUsers.unknown },
        ),
      )) as InvokeBody;
      assert.match(cardText(response.body.value), /Geen toegang/);
    });
  });

  describe('outside demo mode', () => {
    let bot: BotHarness;
    before(async () => {
      bot = await startBotHarness({ DEMO_MODE: 'false' });
    });
    after(async () => {
      await bot.stop();
    });

    it('refuses the "rol" command and the persona button', async () => {
      const options = { serviceUrl: bot.connector.serviceUrl, aadObjectId: demoUsers.fatima };
      await bot.post(messageActivity('rol', options));
      const [sent] = await bot.connector.waitForCount(1);
      assert.match(cardText(cardOf(sent)), /Alleen in de demomodus/);
      const response = (await bot.post(
        executeActivity('demo.persona', { personId: demoUsers.jeroen }, options),
      )) as InvokeBody;
      assert.match(cardText(response.body.value), /Alleen in de demomodus/);
      await bot.post(messageActivity('help', options));
      const sent2 = await bot.connector.waitForCount(2);
      const help = cardText(cardOf(sent2[1]));
      assert.match(help, /Hallo Fatima El Amrani/);
      assert.doesNotMatch(help, /\brol\b/);
    });
  });
});
