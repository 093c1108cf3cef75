import {
  accessRecordSchema,
  isNoCasus,
  type AccessRecord,
} from '../../src/domain/access/access-record.schema';
import assert from 'node:assert/strict';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { demoUsers } from '../helpers/activities';
import {
  startBotHarness,
  talkAs,
  type BotHarness,
  type Conversation,
} from '../helpers/bot-harness';
import { press as decide } from '../helpers/decision-press';
import { button, buttonsOf } from '../helpers/card-buttons';
import { cardText } from '../helpers/fake-connector';
import { next, ref, submitCasus } from '../helpers/intake-flow';
import { validStepValues } from '../helpers/intake-values';

type Card = Record<string, unknown>;
const anouk = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03'; // procesregisseur of the ZVH
const sem = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a08'; // Fatima's colleague at the same wijkteam

/** Presses a button as the Teams client would: its verb with its data. */
const press = (as: Conversation, card: Card, title: string | RegExp, data: object = {}) => {
  const { verb, data: sent } = button(card, title, data);
  return as.execute(verb, sent);
};

describe('bot over HTTP: navigation by buttons', () => {
  let bot: BotHarness;
  let fatima: Conversation;
  let jeroen: Conversation;
  let zvh: Conversation;
  const logLines: string[] = [];
  let number: string;

  before(async () => {
    bot = await startBotHarness({ LOG_LEVEL: 'info' }, logLines);
    fatima = talkAs(bot, demoUsers.fatima);
    jeroen = talkAs(bot, demoUsers.jeroen);
    zvh = talkAs(bot, anouk);
    number = await submitCasus(fatima);
  });
  after(async () => {
    await bot.stop();
  });

  const stored = async (id: string): Promise<Casus | undefined> =>
    (await bot.store().casussen.item(id, id).read<Casus>()).resource;

  it('opens a casus from the casuslijst with a button, and leads back to the list', async () => {
    const list = await jeroen.say('casuslijst');
    const opened = await press(jeroen, list, 'Open');
    assert.match(cardText(opened), new RegExp(`Casus ${number}`));
    const back = await press(jeroen, opened, 'Terug naar de lijst');
    assert.match(cardText(back), /Casuslijst/);
    assert.match(cardText(back), new RegExp(number));
  });

  it('keeps "Terug naar de lijst" when the opened casus card is refreshed', async () => {
    const opened = await press(jeroen, await jeroen.say('casuslijst'), 'Open');
    const refresh = (opened.refresh as { action: { verb: string; data: unknown } }).action;
    const refreshed = await jeroen.execute(refresh.verb, refresh.data);
    assert.ok(button(refreshed, 'Terug naar de lijst'));
    // A card reached any other way (casus <nummer>) has no list to go back to.
    assert.ok(!buttonsOf(await jeroen.say(`casus ${number}`)).some((b) => /Terug/.test(b.title)));
  });

  it('opens a submitted casus from "mijn casussen", and leads back to it', async () => {
    const list = await fatima.say('mijn casussen');
    const opened = await press(fatima, list, 'Open');
    assert.match(cardText(opened), new RegExp(`Casus ${number}`));
    const back = await press(fatima, opened, 'Terug naar de lijst');
    assert.match(cardText(back), /Mijn casussen/);
  });

  it('has "Open casus" on the submitted card, which opens the casus', async () => {
    const submittedNumber = await submitCasus(fatima);
    const list = await fatima.say('mijn casussen');
    // The submitted card as "Verder"/"intake.open" on a submitted casus shows it.
    const { casusId } = button(list, 'Open').data as { casusId: string };
    const submitted = await fatima.execute('intake.open', { casusId });
    assert.match(cardText(submitted), /is aangemeld/);
    const opened = await press(fatima, submitted, 'Open casus');
    assert.match(cardText(opened), /Casus LK-ROT-/);
    assert.ok(button(opened, 'Terug naar de lijst'));
    assert.match(submittedNumber, /^LK-ROT-/);
  });

  it('tells drafts apart by betrokkene ("leeg" when none) and the date they last changed', async () => {
    const empty = await fatima.say('nieuwe casus');
    const named = await next(talkAs(bot, sem), await talkAs(bot, sem).say('nieuwe casus'), {
      ...validStepValues.betrokkene,
      naam: 'Samira Bouzid',
    });
    assert.ok(named);
    const list = cardText(await fatima.say('mijn casussen'));
    assert.match(list, /leeg/);
    assert.match(list, /gewijzigd \d{1,2} [a-z]+ \d{4} om \d{1,2}:\d{2}/);
    // Sem's draft is Sem's: not in Fatima's list.
    assert.doesNotMatch(list, /Samira Bouzid/);
    assert.match(cardText(await talkAs(bot, sem).say('mijn casussen')), /Samira Bouzid/);
    assert.ok(ref(empty).casusId);
  });

  it('removes a draft from "mijn casussen" only after a confirmation, with one ETag-guarded delete', async () => {
    const draft = await fatima.execute('intake.next', {
      ...ref(await fatima.say('nieuwe casus')),
      ...validStepValues.betrokkene,
      naam: 'Karel Verwijderbaar',
    });
    const casusId = String(ref(draft).casusId);
    const list = await fatima.say('mijn casussen');
    const ask = await press(fatima, list, 'Verwijderen', { casusId });
    assert.match(cardText(ask), /Concept verwijderen\?[\s\S]*Karel Verwijderbaar/);
    assert.match(cardText(ask), /kan niet ongedaan worden/);
    assert.ok(await stored(casusId), 'the first press removes nothing');

    // Annuleren goes back and keeps it.
    assert.match(cardText(await press(fatima, ask, 'Annuleren')), /Karel Verwijderbaar/);
    assert.ok(await stored(casusId));

    const removed = await press(fatima, ask, 'Ja, verwijderen');
    assert.match(cardText(removed), /Het concept is verwijderd/);
    assert.doesNotMatch(cardText(removed), /Karel Verwijderbaar/);
    assert.equal(await stored(casusId), undefined);
  });

  it("refuses a forged removal of someone else's draft, and a stale one, and removes nothing", async () => {
    const semsDraft = await talkAs(bot, sem).say('nieuwe casus');
    const { casusId, revision } = ref(semsDraft);
    const forged = cardText(await fatima.execute('draft.remove', { casusId, revision }));
    assert.match(forged, /Niet jouw concept[\s\S]*niets gewijzigd/);
    assert.match(
      cardText(await fatima.execute('draft.remove.ask', { casusId, revision })),
      /Niet jouw concept/,
    );
    assert.ok(await stored(String(casusId)));

    const mine = await fatima.say('nieuwe casus');
    const saved = await fatima.execute('intake.save', { ...ref(mine, 'intake.save'), naam: 'X' });
    const stale = cardText(
      await fatima.execute('draft.remove', { casusId: ref(mine).casusId, revision: 0 }),
    );
    assert.match(stale, /intussen gewijzigd[\s\S]*niets verwijderd/);
    assert.ok(await stored(String(ref(saved, 'intake.save').casusId)));

    // A submitted casus cannot be removed through this button either.
    const submitted = button(await fatima.say('mijn casussen'), 'Open').data.casusId;
    const casus = await stored(String(submitted));
    assert.match(
      cardText(
        await fatima.execute('draft.remove', { casusId: submitted, revision: casus?.revision }),
      ),
      /niets verwijderd/,
    );
    assert.equal((await stored(String(submitted)))?.state, casus?.state);
  });

  it('answers unknown text with "Dat begrijp ik niet" above the commands as buttons that work', async () => {
    const card = await fatima.say('wat moet ik nu');
    const text = cardText(card);
    assert.match(text, /Dat begrijp ik niet/);
    assert.ok(text.indexOf('Dat begrijp ik niet') < text.indexOf('mijn casussen'));
    const mine = await press(fatima, card, 'Mijn casussen', { command: 'mijn casussen' });
    assert.match(cardText(mine), /Mijn casussen/);
    const started = await press(fatima, card, 'Nieuwe casus', { command: 'nieuwe casus' });
    assert.equal(ref(started).step, 'betrokkene');
    // "casus <nummer>" needs a number: its button opens the search form.
    const form = await press(fatima, card, 'Casus zoeken');
    assert.match(cardText(form), /Casus zoeken[\s\S]*Casusnummer/);
    // So does "casus" typed without one.
    assert.ok(button(await fatima.say('casus'), 'Zoek op nummer'));
  });

  it('offers the commands as buttons on the help card too, per role', async () => {
    const help = await jeroen.say('help');
    assert.doesNotMatch(cardText(help), /Dat begrijp ik niet/);
    const list = await press(jeroen, help, 'Casuslijst', { command: 'casuslijst' });
    assert.match(cardText(list), /Casuslijst/);
    const personas = await press(jeroen, help, 'Rol kiezen', { command: 'rol' });
    assert.match(cardText(personas), /Kies een rol/);
    // A forged command button runs nothing that typing would not.
    assert.match(
      cardText(await jeroen.execute('command.run', { command: 'casus' })),
      /Onbekende actie/,
    );
  });

  it('keeps an escalated casus on the Lokale Kamer\'s casuslijst, "bij het ZVH"', async () => {
    const escalated = await submitCasus(fatima);
    let card = await jeroen.say(`casus ${escalated}`);
    for (const action of ['accepteren', 'opschalen']) card = await decide(jeroen, card, action);
    const row = new RegExp(`${escalated}\\*\\* · Opschaling aangevraagd, bij het ZVH`);
    assert.match(cardText(await jeroen.say('casuslijst')), row);
    assert.match(cardText(await zvh.say('casuslijst')), new RegExp(escalated));
    await decide(zvh, await zvh.say(`casus ${escalated}`), 'opschaling-accepteren');
    assert.match(
      cardText(await jeroen.say('casuslijst')),
      new RegExp(`${escalated}\\*\\* · Bij het ZVH`),
    );
  });

  describe('search', () => {
    /** The access log's records of searches and views, as the container holds them. */
    const searches = async (): Promise<AccessRecord[]> => {
      const { resources } = await bot
        .store()
        .accessLog.items.query('SELECT * FROM c WHERE c.what IN ("search", "view")')
        .fetchAll();
      return resources.map((r) => accessRecordSchema.parse(r));
    };
    const added = async (before: readonly AccessRecord[]) => {
      const known = new Set(before.map((r) => r.id));
      return (await searches()).filter((r) => !known.has(r.id));
    };

    it('finds a casus by number from the search form reached from the casuslijst', async () => {
      const form = await press(jeroen, await jeroen.say('casuslijst'), 'Casus zoeken');
      const { verb, data } = button(form, 'Zoek op nummer');
      const found = await jeroen.execute(verb, { ...data, casusNumber: number.toLowerCase() });
      assert.match(cardText(found), new RegExp(`Casus ${number}`));
      const missing = await jeroen.execute(verb, { ...data, casusNumber: 'LK-ROT-2026-9999' });
      assert.match(cardText(missing), /Er is geen casus LK-ROT-2026-9999 die jij mag inzien/);
    });

    it('finds casussen by betrokkene name and date of birth, however the name is typed', async () => {
      const form = await press(jeroen, await jeroen.say('casuslijst'), 'Casus zoeken');
      const { verb, data } = button(form, 'Zoek op betrokkene');
      const before = await searches();
      const found = await jeroen.execute(verb, {
        ...data,
        naam: '  jan   JANSEN ',
        geboortedatum: validStepValues.betrokkene.geboortedatum,
      });
      assert.match(cardText(found), /\d+ casussen gevonden/);
      assert.match(cardText(found), new RegExp(number));
      const opened = await press(jeroen, found, 'Open', {
        casusId: button(found, 'Open').data.casusId,
      });
      assert.match(cardText(opened), /Casus LK-ROT-/);
      const wrongDate = await jeroen.execute(verb, {
        ...data,
        naam: 'Jan Jansen',
        geboortedatum: '1988-04-13',
      });
      assert.match(cardText(wrongDate), /Geen casus gevonden die jij mag inzien/);

      // Each search is in the access log with the searcher and what it showed, never what was
      // typed: the casussen found, the one opened, and the search that found none.
      const logged = await added(before);
      assert.ok(logged.every((r) => r.actor.personId === demoUsers.jeroen));
      const bySearch = logged.filter((r) => r.what === 'search');
      assert.ok(bySearch.some((r) => r.casusNumber === number && r.result === 'shown'));
      assert.equal(bySearch.filter((r) => isNoCasus(r.casusId)).length, 1, 'the one found none');
      assert.ok(logged.some((r) => r.what === 'view' && r.why === 'casus.open'));
      const all = `${logLines.join('\n')}${JSON.stringify(await searches())}`;
      assert.doesNotMatch(all, /jan {3}JANSEN|Jan Jansen|1988-04-1[23]/);
    });

    it('shows only casussen the searcher may see: the ZVH only escalated ones', async () => {
      const onlyLocal = await submitCasus(fatima);
      const form = await zvh.execute('casus.search.form', {});
      const { verb, data } = button(form, 'Zoek op betrokkene');
      const found = cardText(
        await zvh.execute(verb, {
          ...data,
          naam: 'Jan Jansen',
          geboortedatum: validStepValues.betrokkene.geboortedatum,
        }),
      );
      assert.match(found, /1 casus gevonden/, 'only the escalated one');
      assert.doesNotMatch(found, new RegExp(`${onlyLocal}|${number}`));
      const hers = (await searches()).filter(
        (r) => r.actor.personId === anouk && r.why === 'casus.search',
      );
      assert.equal(hers.length, 1, 'the escalated one, and only it');
      assert.notEqual(hers[0]?.casusNumber, onlyLocal);
    });

    it('refuses a search by betrokkene to someone who does not decide, and records the refused attempt', async () => {
      const form = await fatima.execute('casus.search.form', {});
      assert.doesNotMatch(cardText(form), /Naam van betrokkene/);
      assert.ok(!buttonsOf(form).some((b) => b.title === 'Zoek op betrokkene'));
      const before = await searches();
      const forged = await fatima.execute('casus.search', {
        by: 'betrokkene',
        naam: 'Jan Jansen',
        geboortedatum: validStepValues.betrokkene.geboortedatum,
      });
      assert.match(cardText(forged), /alleen voor procesregisseurs en leden van een weegtafel/);
      assert.doesNotMatch(cardText(forged), /LK-ROT-/);
      const logged = await added(before);
      assert.deepEqual(
        logged.map((r) => [r.actor.personId, r.what, r.result, isNoCasus(r.casusId)]),
        [[demoUsers.fatima, 'search', 'refused', true]],
      );
    });

    it('records "casus <nummer>" typed as a view of that casus', async () => {
      const before = await searches();
      await jeroen.say(`casus ${number}`);
      const logged = await added(before);
      assert.deepEqual(
        logged.map((r) => [r.actor.personId, r.what, r.why, r.result, r.casusNumber]),
        [[demoUsers.jeroen, 'view', 'casus', 'shown', number]],
      );
    });
  });
});
