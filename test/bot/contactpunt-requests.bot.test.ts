import assert from 'node:assert/strict';
import { accessRecordSchema } from '../../src/domain/access/access-record.schema';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { demoUsers, executeActivity } from '../helpers/activities';
import {
  startBotHarness,
  talkAs,
  type BotHarness,
  type Conversation,
} from '../helpers/bot-harness';
import { actionData } from '../helpers/card-actions';
import { button } from '../helpers/card-buttons';
import { press as decide } from '../helpers/decision-press';
import { cardText } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';
import { validStepValues } from '../helpers/intake-values';
import { storedByNumber } from '../helpers/signed-casus';

const iris = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a0a'; // contactpunt
const { bsn, geboortedatum } = validStepValues.betrokkene;
const REASON = 'Betrokkene toonde haar paspoort aan het contactpunt: de naam was verkeerd gespeld.';

describe('bot over HTTP: the contactpunt records a rectificatie, a bezwaar and an erasure', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  let contactpunt: Conversation;
  let jeroen: Conversation;
  let number: string;

  const stored = (): Promise<Casus> => storedByNumber(bot, number);
  /** The request card of the casus, as "Gegevens corrigeren" or "Bezwaar of wissing" opens it. */
  const open = async (title: 'Gegevens corrigeren' | 'Bezwaar of wissing') => {
    const list = await contactpunt.execute('contactpunt.zoek', { bsn });
    return contactpunt.execute('contactpunt.verzoek', button(list, title).data);
  };

  before(async () => {
    bot = await startBotHarness();
    contactpunt = talkAs(bot, iris);
    jeroen = talkAs(bot, demoUsers.jeroen);
    number = await submitCasus(talkAs(bot, demoUsers.fatima), {
      betrokkene: { naam: 'Jan Jansen' },
    });
  });
  after(() => bot.stop());

  it('corrects the name: the value, the answers as typed and the search key change, the audit line names the field and the motivation only', async () => {
    const keyBefore = (await stored()).betrokkeneKey;
    const form = await open('Gegevens corrigeren');
    assert.match(cardText(form), new RegExp(`Verzoek van betrokkene · ${number}`));
    const press = button(form, 'Correctie vastleggen').data;
    const done = await contactpunt.execute('contactpunt.rectificatie', {
      ...press,
      veld: 'naam',
      waarde: 'Jan de Vries',
      motivering: REASON,
    });
    assert.match(
      cardText(done),
      new RegExp(`De correctie van naam is vastgelegd in casus ${number}`),
    );
    const casus = await stored();
    assert.equal(casus.submission?.intake.betrokkene.naam, 'Jan de Vries');
    assert.equal(casus.intake.values.naam, 'Jan de Vries');
    assert.ok(casus.betrokkeneKey && casus.betrokkeneKey !== keyBefore, 'a new name key');
    const line = casus.audit.at(-1);
    assert.equal(line?.action, 'rectificatie');
    assert.equal(line?.motivation, `Naam: ${REASON}`);
    assert.ok(
      !JSON.stringify(casus.audit).includes('Jan Jansen'),
      'the old value is not in the trail',
    );
    const found = cardText(
      await contactpunt.execute('contactpunt.zoek', { naam: 'Jan de Vries', geboortedatum }),
    );
    assert.match(found, /1 casus gevonden/);
    // On the casus card, in its history.
    const card = cardText(await jeroen.say(`casus ${number}`));
    assert.match(card, /Gegevens van betrokkene gecorrigeerd \(rectificatie\)/);
    assert.match(card, /verkeerd gespeld/);

    // The same card pressed again is stale: nothing is written.
    const stale = await contactpunt.execute('contactpunt.rectificatie', {
      ...press,
      veld: 'naam',
      waarde: 'Jan Pietersen',
      motivering: REASON,
    });
    assert.match(cardText(stale), /gewijzigd sinds deze kaart is gemaakt/);
    assert.equal((await stored()).submission?.intake.betrokkene.naam, 'Jan de Vries');
    const short = await contactpunt.execute('contactpunt.rectificatie', {
      ...button(await open('Gegevens corrigeren'), 'Correctie vastleggen').data,
      veld: 'gemeente',
      waarde: 'Schiedam',
      motivering: 'te kort',
    });
    assert.match(cardText(short), /minstens 30 tekens/);
    assert.equal((await stored()).submission?.intake.betrokkene.gemeente, 'Rotterdam');
  });

  it('refuses a correction by anyone else, and records the refusal', async () => {
    const press = button(await open('Gegevens corrigeren'), 'Correctie vastleggen').data;
    const text = cardText(
      await jeroen.execute('contactpunt.rectificatie', {
        ...press,
        veld: 'naam',
        waarde: 'Iemand Anders',
        motivering: REASON,
      }),
    );
    assert.match(text, /Alleen voor het contactpunt/);
    assert.equal((await stored()).submission?.intake.betrokkene.naam, 'Jan de Vries');
    const { resources } = await bot.store().accessLog.items.query('SELECT * FROM c').fetchAll();
    const refused = resources
      .map((r) => accessRecordSchema.parse(r))
      .filter((r) => r.actor.name === 'Jeroen de Vries' && r.result === 'refused');
    assert.deepEqual(
      refused.map((r) => [r.what, r.why]),
      [['change', 'contactpunt.rectificatie']],
    );
  });

  it('records a bezwaar with its decision and motivation', async () => {
    const press = button(await open('Bezwaar of wissing'), 'Besluit vastleggen').data;
    const done = await contactpunt.execute('contactpunt.besluit', {
      ...press,
      soort: 'bezwaar',
      besluit: 'afgewezen',
      motivering:
        'De verwerking is nodig voor de lopende aanpak (art. 2.25 WGS) en weegt zwaarder.',
    });
    assert.match(cardText(done), /Het bezwaar is vastgelegd als afgewezen/);
    const line = (await stored()).audit.at(-1);
    assert.equal(line?.action, 'bezwaar-afgewezen');
    assert.match(line?.motivation ?? '', /lopende aanpak/);
  });

  it('answers a press Teams delivers twice as recorded, and records it once', async () => {
    const press = button(await open('Gegevens corrigeren'), 'Correctie vastleggen').data;
    const activity = executeActivity(
      'contactpunt.rectificatie',
      { ...press, veld: 'gemeente', waarde: 'Vlaardingen', motivering: REASON },
      { serviceUrl: bot.connector.serviceUrl, aadObjectId: iris },
    );
    const lines = async () =>
      (await stored()).audit.filter((line) => line.action === 'rectificatie').length;
    const before = await lines();
    const answers = [];
    for (let i = 0; i < 2; i++) {
      const response = await bot.post(activity);
      answers.push(cardText((response.body as { value: unknown }).value));
    }
    for (const answer of answers) {
      assert.match(answer, /De correctie van gemeente is vastgelegd/);
      assert.doesNotMatch(answer, /niets vastgelegd/);
    }
    assert.equal(await lines(), before + 1);
  });

  it('refuses a date of birth in the future or long ago, as the intake does', async () => {
    const before = await stored();
    for (const [waarde, why] of [
      ['2999-01-01', /ligt in de toekomst/],
      ['1800-01-01', /meer dan 120 jaar geleden/],
    ] as const) {
      const press = button(await open('Gegevens corrigeren'), 'Correctie vastleggen').data;
      const answer = await contactpunt.execute('contactpunt.rectificatie', {
        ...press,
        veld: 'geboortedatum',
        waarde,
        motivering: REASON,
      });
      assert.match(cardText(answer), why);
    }
    assert.equal((await stored()).revision, before.revision, 'nothing written');
  });

  it('finds a namesake born the same day with another BSN by name, not in the inzage by BSN', async () => {
    const other = await submitCasus(talkAs(bot, demoUsers.fatima), {
      betrokkene: { naam: (await stored()).submission!.intake.betrokkene.naam, bsn: '123456782' },
    });
    const { naam } = (await stored()).submission!.intake.betrokkene;
    const byName = cardText(await contactpunt.execute('contactpunt.zoek', { naam, geboortedatum }));
    assert.ok(byName.includes(number) && byName.includes(other), 'by name alone: both');
    const both = cardText(
      await contactpunt.execute('contactpunt.zoek', { bsn, naam, geboortedatum }),
    );
    assert.ok(both.includes(number), 'the one with this BSN');
    assert.equal(both.includes(other), false, 'not the namesake with another BSN');
  });

  it('refuses to grant an erasure while the casus runs, and changes nothing', async () => {
    const before = await stored();
    const press = button(await open('Bezwaar of wissing'), 'Besluit vastleggen').data;
    const erasure = {
      ...press,
      soort: 'wissing',
      besluit: 'toegewezen',
      motivering: 'Betrokkene vraagt om wissing van al haar gegevens (art. 17 AVG).',
    };
    assert.match(cardText(await contactpunt.execute('contactpunt.besluit', erasure)), /loopt nog/);
    // A forged second press gets the same answer from the use case.
    const forged = await contactpunt.execute('contactpunt.besluit', {
      ...erasure,
      bevestigd: true,
    });
    assert.match(cardText(forged), /loopt nog/);
    const after = await stored();
    assert.equal(after.revision, before.revision, 'nothing written');
    assert.ok(after.submission);
  });

  it('asks before a granted erasure of a closed casus, then anonymises it: no data, no keys, not found again', async () => {
    const accepted = await decide(jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
    const closed = await decide(jeroen, accepted, 'afsluiten');
    assert.equal((await stored()).state, 'afgesloten');
    // A bewaarplicht stops an erasure as it stops the sweep; lifted, the erasure can be granted.
    const retain = (card: Record<string, unknown>, step: string) =>
      jeroen.execute('casus.bewaartermijn', {
        ...actionData(card, 'casus.bewaartermijn'),
        step,
        retentionMotivation: 'Er loopt een klacht over deze casus bij de ombudsman.',
      });
    const held = await retain(closed, 'bewaarplicht');
    const erasure = {
      ...button(await open('Bezwaar of wissing'), 'Besluit vastleggen').data,
      soort: 'wissing',
      besluit: 'toegewezen',
      motivering: 'Betrokkene vraagt om wissing van al haar gegevens (art. 17 AVG).',
    };
    for (const bevestigd of [false, true]) {
      const answer = await contactpunt.execute('contactpunt.besluit', { ...erasure, bevestigd });
      assert.match(cardText(answer), /bewaarplicht/);
    }
    assert.ok((await stored()).submission, 'nothing erased while held');
    await retain(held, 'opheffen');
    const press = button(await open('Bezwaar of wissing'), 'Besluit vastleggen').data;
    const asked = await contactpunt.execute('contactpunt.besluit', {
      ...press,
      soort: 'wissing',
      besluit: 'toegewezen',
      motivering: 'De casus is afgerond en betrokkene heeft recht op wissing (art. 17 AVG).',
    });
    assert.match(cardText(asked), /Persoonsgegevens wissen\?/);
    assert.ok((await stored()).submission, 'nothing removed on the first press');
    const done = await contactpunt.execute(
      'contactpunt.besluit',
      button(asked, 'Ja, wis de persoonsgegevens').data,
    );
    assert.match(cardText(done), /De persoonsgegevens zijn gewist/);
    const casus = await stored();
    assert.equal(casus.anonymised?.reason, 'wissing');
    assert.equal(casus.submission, undefined);
    assert.equal(casus.betrokkeneKey, undefined);
    assert.equal(casus.bsnKey, undefined);
    assert.deepEqual(casus.intake.values, {});
    assert.ok(!JSON.stringify(casus).includes('Jan de Vries'));
    assert.match(
      cardText(await contactpunt.execute('contactpunt.zoek', { bsn })),
      /Geen casus gevonden/,
    );
    const { resources } = await bot.store().accessLog.items.query('SELECT * FROM c').fetchAll();
    assert.ok(
      resources
        .map((r) => accessRecordSchema.parse(r))
        .some(
          (r) => r.actor.personId === iris && r.what === 'anonymise' && r.casusNumber === number,
        ),
    );
  });
});
