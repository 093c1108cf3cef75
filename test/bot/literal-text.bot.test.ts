import assert from 'node:assert/strict';
import { demoUsers } from '../helpers/activities';
import { startBotHarness, talkAs, type BotHarness } from '../helpers/bot-harness';
import { actionData } from '../helpers/card-actions';
import { cardOf, cardText } from '../helpers/fake-connector';
import { ref, walkToSummary } from '../helpers/intake-flow';
import { validStepValues } from '../helpers/intake-values';
import { markdownTexts, textRuns } from '../helpers/literal-text';

// A worker who types markdown must not be able to put a live link or bold text on the cards of
// the people who decide: Teams renders markdown in TextBlocks and FactSets, never in TextRuns.

const naam = '[Klik hier](https://evil.invalid/x)';
const motivering = '**LET OP** [bevestig je besluit hier](https://evil.invalid/y) nu meteen';
const vraag = 'Graag [hier](https://evil.invalid/z) je **wachtwoord** invullen, dank je.';

type Card = Record<string, unknown>;

/** The hostile texts appear, literally and in TextRuns only; no markdown text holds a link. */
function assertLiteral(card: Card, ...texts: string[]): void {
  assert.deepEqual(
    markdownTexts(card).filter((text) => text.includes('](') || text.includes('evil.invalid')),
    [],
  );
  for (const text of texts) {
    assert.ok(
      textRuns(card).some((run) => run.includes(text)),
      `"${text}" is shown in a TextRun: ${cardText(card).slice(0, 400)}`,
    );
  }
}

describe('bot over HTTP: typed markdown stays literal text on every card', () => {
  let bot: BotHarness;
  before(async () => {
    bot = await startBotHarness();
  });
  after(async () => {
    await bot.stop();
  });

  it('shows a hostile name, motivations and question literally to the worker and the decider', async () => {
    const fatima = talkAs(bot, demoUsers.fatima);
    const jeroen = talkAs(bot, demoUsers.jeroen);
    await jeroen.say('help'); // so the bot can reach him with the notification

    const summary = await walkToSummary(fatima, {
      betrokkene: { ...validStepValues.betrokkene, naam },
      'criteria-1-2': { ...validStepValues['criteria-1-2'], motivering1: motivering },
    });
    assertLiteral(summary, naam, motivering);

    const mark = bot.connector.sent.length;
    const submitted = await fatima.execute('intake.submit', ref(summary, 'intake.submit'));
    assertLiteral(submitted, naam);
    const number = /Casus (LK-[A-Z]+-\d{4}-\d{4}) is aangemeld/.exec(cardText(submitted))?.[1];
    assert.ok(number);

    const notificationTo = async (who: string, from: number) => {
      for (let i = 0; i < 50; i++) {
        const sent = bot.connector.sent.slice(from).find((s) => s.conversationId === `a:${who}`);
        if (sent) return cardOf(sent);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.fail(`no notification reached ${who}`);
    };
    // A notification is short: the news, not the dossier (no name, no intake motivations).
    const notification = await notificationTo(demoUsers.jeroen, mark);
    assertLiteral(notification);
    assert.ok(!cardText(notification).includes(naam), 'the notification does not repeat the name');

    const casus = await jeroen.say(`casus ${number}`);
    assertLiteral(casus, naam, motivering);

    // The decider's own text (a request for information) reaches the worker literally too.
    const { casusId, revision } = actionData(casus, 'casus.decide');
    const beforeQuestion = bot.connector.sent.length;
    const asked = await jeroen.execute('casus.decide', {
      casusId,
      revision,
      action: 'informatie-vragen',
      motivation: vraag,
    });
    assertLiteral(asked, naam, motivering, vraag);
    assertLiteral(await notificationTo(demoUsers.fatima, beforeQuestion), vraag);
    assertLiteral(await fatima.say(`casus ${number}`), naam, vraag);
  });
});
