import assert from 'node:assert/strict';
import { demoUsers } from '../helpers/activities';
import {
  startBotHarness,
  talkAs,
  type BotHarness,
  type Conversation,
} from '../helpers/bot-harness';
import { hasAction, inputValue } from '../helpers/card-actions';
import { next, ref, walkToSummary } from '../helpers/intake-flow';
import { cardText } from '../helpers/fake-connector';
import { noAanwijzing, validStepValues } from '../helpers/intake-values';

const sem = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a08'; // a second wijkteammedewerker in the demo registry

describe('bot over HTTP: casus intake against BGS art. 2.20', () => {
  let bot: BotHarness;
  let fatima: Conversation;
  before(async () => {
    bot = await startBotHarness();
    fatima = talkAs(bot, demoUsers.fatima);
  });
  after(async () => {
    await bot.stop();
  });

  it('walks the wizard to a submitted casus with a number at the chosen Lokale Kamer', async () => {
    const summary = await walkToSummary(fatima);
    const text = cardText(summary);
    assert.equal((text.match(/Voldoet\b(?! niet)/g) ?? []).length, 4, text);
    assert.match(text, /Indienen bij Lokale Kamer Rotterdam/);

    const submitted = await fatima.execute('intake.submit', ref(summary, 'intake.submit'));
    const submittedText = cardText(submitted);
    assert.match(submittedText, /Casus LK-ROT-\d{4}-\d{4} is aangemeld/);
    assert.match(submittedText, /Lokale Kamer Rotterdam/);

    const mine = cardText(await fatima.say('mijn casussen'));
    assert.match(mine, /LK-ROT-\d{4}-\d{4}/);
    assert.match(mine, /Aangemeld/);
  });

  it('names the failing criterion, explains why, offers no submit, and refuses a forged submit', async () => {
    const summary = await walkToSummary(fatima, {
      'criterium-3': { tijden: 'zou-leiden', ...noAanwijzing },
    });
    const text = cardText(summary);
    assert.match(text, /voldoet niet aan criterium 3/);
    assert.match(text, /objectieve aanwijzingen/);
    assert.match(text, /reguliere zorg en de lokale routes/);
    assert.equal(hasAction(summary, 'intake.submit'), false);
    assert.equal(hasAction(summary, 'intake.goto'), true);

    const forged = await fatima.execute('intake.submit', ref(summary, 'intake.back'));
    assert.match(cardText(forged), /niet aan alle criteria[\s\S]*niet ingediend/);
    assert.doesNotMatch(cardText(await fatima.say('mijn casussen')), /LK-ROT-\d{4}-0002/);
  });

  it('keeps invalid answers as typed, shows Dutch errors, and does not move on', async () => {
    const first = await fatima.say('nieuwe casus');
    const refused = await next(fatima, first, {
      ...validStepValues.betrokkene,
      naam: '',
      bsn: '123456789',
    });
    const text = cardText(refused);
    assert.match(text, /Controleer deze velden/);
    assert.match(text, /Vul de naam van betrokkene in/);
    assert.match(text, /elfproef/);
    assert.equal(ref(refused).step, 'betrokkene');
    assert.equal(inputValue(refused, 'bsn'), '123456789');
    assert.equal(inputValue(refused, 'gemeente'), 'Rotterdam');
  });

  it('keeps the answers going back and forward', async () => {
    const first = await fatima.say('nieuwe casus');
    const second = await next(fatima, first, validStepValues.betrokkene);
    const back = await fatima.execute('intake.back', ref(second, 'intake.back'));
    assert.equal(ref(back).step, 'betrokkene');
    assert.equal(inputValue(back, 'naam'), 'Jan Jansen');
    const forward = await next(fatima, back, validStepValues.betrokkene);
    assert.equal(ref(forward).step, 'criteria-1-2');
  });

  it('answers a stale card with the current draft and changes nothing', async () => {
    const first = await fatima.say('nieuwe casus');
    const second = await next(fatima, first, validStepValues.betrokkene);
    const stale = await next(fatima, first, {
      ...validStepValues.betrokkene,
      naam: 'Iemand Anders',
    });
    assert.match(cardText(stale), /niet meer actueel[\s\S]*niets gewijzigd/);
    assert.equal(ref(stale).revision, ref(second).revision);
    assert.equal(
      inputValue(await fatima.execute('intake.back', ref(second, 'intake.back')), 'naam'),
      'Jan Jansen',
    );
  });

  it("refuses someone else's draft, an unknown casus, oversized input, and a user without an intake role", async () => {
    const first = await fatima.say('nieuwe casus');
    assert.match(
      cardText(await next(talkAs(bot, sem), first, validStepValues.betrokkene)),
      /Niet jouw casus/,
    );
    assert.match(
      cardText(
        await fatima.execute('intake.next', {
          ...ref(first),
          casusId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
        }),
      ),
      /Casus niet gevonden/,
    );
    assert.match(
      cardText(await next(fatima, first, { naam: 'x'.repeat(100_000) })),
      /Ongeldige invoer/,
    );
    assert.match(
      cardText(await talkAs(bot, demoUsers.jeroen).say('nieuwe casus')),
      /Alleen voor intake/,
    );
    // None of it touched the draft.
    const unchanged = await next(fatima, first, validStepValues.betrokkene);
    assert.equal(ref(unchanged).step, 'criteria-1-2');
  });

  it('refuses to edit a casus once it is submitted', async () => {
    const summary = await walkToSummary(fatima);
    await fatima.execute('intake.submit', ref(summary, 'intake.submit'));
    const late = await fatima.execute('intake.back', ref(summary, 'intake.back'));
    assert.match(cardText(late), /al aangemeld[\s\S]*niets gewijzigd/);
  });

  it('resumes a draft from "mijn casussen" and discards it on request', async () => {
    const first = await fatima.say('nieuwe casus');
    const saved = await fatima.execute('intake.save', {
      ...ref(first, 'intake.save'),
      naam: 'Piet Concept',
    });
    assert.match(cardText(saved), /Tussentijds opgeslagen/);
    const { casusId } = ref(saved);

    const list = await fatima.say('mijn casussen');
    assert.match(cardText(list), /Piet Concept/);
    const resumed = await fatima.execute('intake.open', { casusId });
    assert.equal(inputValue(resumed, 'naam'), 'Piet Concept');

    const discarded = await fatima.execute('intake.discard', ref(resumed, 'intake.save'));
    assert.doesNotMatch(cardText(discarded), /Piet Concept/);
    assert.match(cardText(await fatima.execute('intake.open', { casusId })), /Casus niet gevonden/);
  });
});
