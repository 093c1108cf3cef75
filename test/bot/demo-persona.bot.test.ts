import assert from 'node:assert/strict';
import { demoUsers, submitActivity } from '../helpers/activities';
import {
  startBotHarness,
  talkAs,
  type BotHarness,
  type Conversation,
} from '../helpers/bot-harness';
import { cardOf, cardText } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';

describe('bot over HTTP: the demo role switch', () => {
  describe('in demo mode', () => {
    let bot: BotHarness;
    let fatima: Conversation;
    before(async () => {
      bot = await startBotHarness({ DEMO_MODE: 'true' });
      fatima = talkAs(bot, demoUsers.fatima);
    });
    after(async () => {
      await bot.stop();
    });

    const say = async (text: string) => cardText(await fatima.say(text));
    const execute = async (verb: string, data: unknown) =>
      cardText(await fatima.execute(verb, data));

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
      const options = { serviceUrl: bot.connector.serviceUrl, aadObjectId: demoUsers.fatima };
      await bot.post(submitActivity({ verb: 'demo.persona', personId: demoUsers.jeroen }, options));
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

    it('reaches the role played in this chat: its notifications arrive in the one local client', async () => {
      await execute('demo.persona', { personId: demoUsers.jeroen });
      await say('help');
      await execute('demo.persona', { personId: demoUsers.fatima });
      const mark = bot.connector.sent.length;
      const number = await submitCasus(fatima);
      const toJeroen = async () => {
        for (let i = 0; i < 50; i++) {
          const found = bot.connector.sent
            .slice(mark)
            .filter((sent) => sent.conversationId === `a:${demoUsers.fatima}`)
            .map((sent) => cardText(cardOf(sent)))
            .find((text) => text.includes(`Casus ${number}`) && /Open casus/.test(text));
          if (found) return found;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return undefined;
      };
      assert.ok(await toJeroen(), "Jeroen's notification reached the chat that played him");
    });

    it('does not let an unregistered user switch role', async () => {
      const lotte = talkAs(bot, demoUsers.unknown);
      assert.match(
        cardText(await lotte.execute('demo.persona', { personId: demoUsers.jeroen })),
        /Geen toegang/,
      );
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
      const fatima = talkAs(bot, demoUsers.fatima);
      assert.match(cardText(await fatima.say('rol')), /Alleen in de demomodus/);
      assert.match(
        cardText(await fatima.execute('demo.persona', { personId: demoUsers.jeroen })),
        /Alleen in de demomodus/,
      );
      const help = cardText(await fatima.say('help'));
      assert.match(help, /Hallo Fatima El Amrani/);
      assert.doesNotMatch(help, /\brol\b/);
    });
  });
});
