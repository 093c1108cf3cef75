import assert from 'node:assert/strict';
import { demoUsers } from '../helpers/activities';
import { startBotHarness, talkAs, type BotHarness } from '../helpers/bot-harness';
import { pressOnce } from '../helpers/decision-press';
import { shownText } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';

const mohamed = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04'; // weegtafellid, Lokale Kamer Rotterdam

describe('bot over HTTP: the decider who lost a race is told who decided', () => {
  let bot: BotHarness;
  before(async () => {
    bot = await startBotHarness();
  });
  after(async () => {
    await bot.stop();
  });

  it('names the other decider in the notice, not only behind "Toon verloop"', async () => {
    const number = await submitCasus(talkAs(bot, demoUsers.fatima));
    const deciders = [
      { as: talkAs(bot, demoUsers.jeroen), action: 'accepteren', name: 'Jeroen de Vries' },
      { as: talkAs(bot, mohamed), action: 'informatie-vragen', name: 'Mohamed Yilmaz' },
    ];
    const cards = await Promise.all(deciders.map((d) => d.as.say(`casus ${number}`)));
    const answers = await Promise.all(
      deciders.map((d, i) => pressOnce(d.as, cards[i]!, d.action).then(shownText)),
    );
    const won = answers.findIndex((text) => /Besluit vastgelegd/.test(text));
    assert.notEqual(won, -1, answers.join('\n---\n'));
    const lost = answers[1 - won]!;
    const winner = deciders[won]!;
    const role = winner.name === 'Jeroen de Vries' ? 'procesregisseur' : 'lid van de weegtafel';
    assert.match(
      lost,
      new RegExp(`intussen gewijzigd: ${winner.name} \\(${role}\\) heeft al besloten`),
    );
    assert.match(lost, /niets gewijzigd/);
  });
});
