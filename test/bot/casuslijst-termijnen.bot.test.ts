import assert from 'node:assert/strict';
import { demoUsers } from '../helpers/activities';
import { startBotHarness, talkAs, type BotHarness } from '../helpers/bot-harness';
import { cardText } from '../helpers/fake-connector';
import { storedCasus } from '../helpers/channel-thread-watch';
import { submitCasus } from '../helpers/intake-flow';

describe('bot over HTTP: the casuslijst and the termijnen', () => {
  let bot: BotHarness;
  before(async () => {
    bot = await startBotHarness();
  });
  after(async () => {
    await bot.stop();
  });

  /** Moves a casus's termijn into the past, as time passing would; the sweep is not involved. */
  async function letTermijnPass(casusNumber: string) {
    const casus = await storedCasus(bot, casusNumber);
    assert.ok(casus.deadline, 'an aangemelde casus has a termijn');
    const dueAt = '2026-11-30T23:00:00.000Z';
    await bot
      .store()
      .casussen.item(casus.id, casus.id)
      .replace({ ...casus, deadline: { ...casus.deadline, dueAt } });
  }

  it('puts a casus whose termijn has passed on top, marked in words, and shows the others’ last day', async () => {
    const fatima = talkAs(bot, demoUsers.fatima);
    const jeroen = talkAs(bot, demoUsers.jeroen);
    const first = await submitCasus(fatima);
    const second = await submitCasus(fatima);
    // Same urgency, same day: the longest waiting comes first.
    const before = cardText(await jeroen.say('casuslijst'));
    assert.ok(before.indexOf(first) < before.indexOf(second), before);
    assert.doesNotMatch(before, /Termijn verstreken/);
    assert.match(before, /Termijn: uiterlijk \d+ \w+ 20\d\d/);

    await letTermijnPass(second);
    const after = cardText(await jeroen.say('casuslijst'));
    assert.ok(after.indexOf(second) < after.indexOf(first), after);
    const overdueRow = after.slice(after.indexOf(second), after.indexOf(first));
    assert.match(overdueRow, /Termijn verstreken: liep tot en met 30 november 2026/);
    assert.doesNotMatch(after.slice(after.indexOf(first)), /Termijn verstreken/);
  });
});
