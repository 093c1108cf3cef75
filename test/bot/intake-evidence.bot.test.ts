import assert from 'node:assert/strict';
import { demoUsers } from '../helpers/activities';
import {
  startBotHarness,
  talkAs,
  type BotHarness,
  type Conversation,
} from '../helpers/bot-harness';
import { actionData, hasAction, inputValue } from '../helpers/card-actions';
import { next, ref, submitCasus, walkToSummary } from '../helpers/intake-flow';
import { cardOf, cardText } from '../helpers/fake-connector';
import { noAanwijzing, validStepValues } from '../helpers/intake-values';
import { leefgebieden } from '../../src/domain/intake/vocabulary';

type Card = Record<string, unknown>;
const allGeen = Object.fromEntries(
  leefgebieden.schema.options.map((leefgebied) => [`leefgebied-${leefgebied}`, 'geen']),
);

describe('bot over HTTP: intake evidence, verdicts per step and the way back', () => {
  let bot: BotHarness;
  let fatima: Conversation;
  before(async () => {
    bot = await startBotHarness();
    fatima = talkAs(bot, demoUsers.fatima);
  });
  after(async () => {
    await bot.stop();
  });

  /** "nieuwe casus" and step 1: the card of step 2. */
  async function atStep2(): Promise<Card> {
    return next(fatima, await fatima.say('nieuwe casus'), validStepValues.betrokkene);
  }

  it('refuses a forged leefgebied answer that says two things, and ignores the old two lists', async () => {
    const step2 = await atStep2();
    const forged = await next(fatima, step2, {
      ...validStepValues['criteria-1-2'],
      'leefgebied-veiligheid': 'probleem,criminogeen',
    });
    assert.equal(ref(forged).step, 'criteria-1-2');
    assert.match(cardText(forged), /Veiligheid: [\s\S]*Kies één antwoord uit de lijst/);

    // The old "criminogeen" list without a problem area cannot count any more: it is not a field.
    const old = await next(fatima, forged, {
      ...validStepValues['criteria-1-2'],
      ...allGeen,
      criminogeen: 'verslaving,veiligheid',
      leefgebieden: '',
    });
    assert.equal(ref(old).step, 'criterium-3');
    assert.match(cardText(old), /Criterium 2: voldoet niet/);
  });

  it('refuses a partner forged into another domain, and an incidentele deelnemer as vaste', async () => {
    const summary = await walkToSummary(fatima);
    let step4 = await fatima.execute('intake.goto', {
      ...ref(summary, 'intake.back'),
      target: 'criterium-4',
    });
    for (const forged of [
      { 'deelnemers-bestuurlijk': 'ggz-maasoever' },
      { 'deelnemers-sociaal': 'woonstichting-maasstad' },
    ]) {
      const refused = await next(fatima, step4, { ...validStepValues['criterium-4'], ...forged });
      assert.equal(ref(refused).step, 'criterium-4');
      assert.match(cardText(refused), /Kies alleen deelnemers uit de lijst/);
      step4 = refused;
    }
  });

  it('tells each criterion’s verdict on the next card when a step is left', async () => {
    const step2 = await atStep2();
    const step3 = await next(fatima, step2, validStepValues['criteria-1-2']);
    const text3 = cardText(step3);
    assert.match(text3, /Criterium 1: voldoet(?! niet)/);
    assert.match(text3, /Criterium 2: voldoet(?! niet)/);

    const step4 = await next(fatima, step3, {
      ...validStepValues['criterium-3'],
      ...noAanwijzing,
      tijden: 'zou-leiden',
    });
    const text4 = cardText(step4);
    assert.match(text4, /Criterium 3: voldoet niet\s+— Alleen "zou gaan leiden"/);
    assert.match(text4, /minstens één aanwijzing/);
    assert.doesNotMatch(text4, /Criterium [12]:/);
  });

  it('"Aanpassen" on a failing criterion opens its step, and "next" goes straight back to the summary', async () => {
    const summary = await walkToSummary(fatima, {
      'criterium-3': { ...noAanwijzing, tijden: 'zou-leiden' },
    });
    assert.equal(hasAction(summary, 'intake.submit'), false);
    const fix = actionData(summary, 'intake.goto');
    assert.equal(fix.target, 'criterium-3');
    const step3 = await fatima.execute('intake.goto', fix);
    assert.equal(ref(step3).step, 'criterium-3');
    assert.match(cardText(step3), /Terug naar de samenvatting/);

    // A refused "next" keeps the way back; a valid one returns to the summary, not to step 4.
    const refused = await next(fatima, step3, {
      ...validStepValues['criterium-3'],
      motivering3: '',
    });
    assert.equal(ref(refused).step, 'criterium-3');
    assert.match(cardText(refused), /Terug naar de samenvatting/);
    const back = await next(fatima, refused, {
      ...validStepValues['criterium-3'],
      tijden: 'zou-leiden',
    });
    assert.equal(ref(back, 'intake.back').step, 'samenvatting');
    assert.equal(hasAction(back, 'intake.submit'), true);
  });

  it('"Vorige" keeps what was typed on the step, even when it does not pass yet', async () => {
    const step3 = await next(fatima, await atStep2(), validStepValues['criteria-1-2']);
    const typed = {
      ...validStepValues['criterium-3'],
      motivering3: 'Half af',
      'aanwijzing1-bron': 'Buurtteam',
    };
    const step2 = await fatima.execute('intake.back', { ...ref(step3, 'intake.back'), ...typed });
    assert.equal(ref(step2).step, 'criteria-1-2');
    assert.doesNotMatch(cardText(step2), /Controleer deze velden/);
    const again = await next(fatima, step2, validStepValues['criteria-1-2']);
    assert.equal(inputValue(again, 'motivering3'), 'Half af');
    assert.equal(inputValue(again, 'aanwijzing1-bron'), 'Buurtteam');
  });

  it('"Aanwijzing toevoegen" saves the step and shows one more labelled slot', async () => {
    const step3 = await next(fatima, await atStep2(), validStepValues['criteria-1-2']);
    assert.equal(inputValue(step3, 'aanwijzing2-bron'), undefined);
    const added = await fatima.execute('intake.add-aanwijzing', {
      ...actionData(step3, 'intake.add-aanwijzing'),
      ...validStepValues['criterium-3'],
    });
    assert.equal(inputValue(added, 'aanwijzing1-bron'), 'Politie eenheid Rotterdam');
    assert.equal(inputValue(added, 'aanwijzing2-bron'), '');
    assert.match(cardText(added), /Aanwijzing 2/);
  });

  it('"nieuwe casus" resumes an empty draft instead of starting another one', async () => {
    const first = await fatima.say('nieuwe casus');
    const again = await fatima.say('nieuwe casus');
    assert.equal(ref(again).casusId, ref(first).casusId);
    // Once it holds an answer, it is a draft of its own, and "nieuwe casus" starts a new one.
    await fatima.execute('intake.save', { ...ref(again, 'intake.save'), naam: 'Piet Eerste' });
    const fresh = await fatima.say('nieuwe casus');
    assert.notEqual(ref(fresh).casusId, ref(first).casusId);
    assert.equal(inputValue(fresh, 'naam'), '');
  });

  it('shows the procesregisseur the indications, family relevance, doorbraak and partners on the casus card', async () => {
    const number = await submitCasus(fatima, {
      'criteria-1-2': {
        inGezinssituatie: 'true',
        gezinsRelevantie: 'Zijn broer dealt vanuit de gezamenlijke woning.',
      },
      'criterium-4': {
        doorbraakNodig: 'true',
        doorbraakToelichting: 'De woningcorporatie en de GGZ lopen vast op de wachtlijst.',
      },
    });
    const text = cardText(await talkAs(bot, demoUsers.jeroen).say(`casus ${number}`));
    for (const expected of [
      'Onderbouwing bij aanmelding',
      'Zijn broer dealt vanuit de gezamenlijke woning.',
      'Politiemelding/registratie',
      'bron: Politie eenheid Rotterdam',
      'Zes meldingen van geluidsoverlast en bedreiging van buren.',
      'Verslaving',
      'Probleem met criminogene factor',
      'GGZ Maasoever',
      'Politie eenheid Rotterdam',
      'Wijkteam Rotterdam-Noord',
      'Woonstichting Maasstad (huurachterstand, dreigende ontruiming)',
      'De woningcorporatie en de GGZ lopen vast op de wachtlijst.',
    ])
      assert.ok(text.includes(expected), `${expected} not on the casus card`);
  });

  it('tells the procesregisseur on what grounds in the notification of a new aanmelding', async () => {
    const jeroen = talkAs(bot, demoUsers.jeroen);
    await jeroen.say('help'); // the bot knows where to reach him
    const mark = bot.connector.sent.length;
    const number = await submitCasus(fatima);
    const grounds =
      'Objectieve aanwijzingen: Politiemelding/registratie, 3 november 2025 tot en met 20 januari 2026, bron: Politie eenheid Rotterdam.';
    const toJeroen = () =>
      bot.connector.sent
        .slice(mark)
        .filter((sent) => sent.conversationId === `a:${demoUsers.jeroen}`)
        .map((sent) => cardText(cardOf(sent)))
        .find((text) => text.includes(`Casus ${number}`));
    for (let i = 0; i < 50 && !toJeroen(); i++) await new Promise((r) => setTimeout(r, 100));
    const told = toJeroen() ?? '';
    assert.ok(told.includes(grounds), told);
    // The worker who submitted it is not notified of her own action.
    assert.ok(
      !bot.connector.sent
        .slice(mark)
        .some((sent) => sent.conversationId === `a:${demoUsers.fatima}` && !sent.replyToId),
    );
  });
});
