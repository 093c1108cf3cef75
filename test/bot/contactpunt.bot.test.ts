import assert from 'node:assert/strict';
import {
  accessRecordSchema,
  type AccessRecord,
} from '../../src/domain/access/access-record.schema';
import { casusSchema } from '../../src/domain/casus/casus.schema';
import { demoUsers } from '../helpers/activities';
import {
  startBotHarness,
  talkAs,
  type BotHarness,
  type Conversation,
} from '../helpers/bot-harness';
import { cardText } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';
import { openUrl } from '../helpers/card-buttons';
import { pdfText } from '../helpers/pdf-text';
import { validStepValues } from '../helpers/intake-values';

const iris = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a0a'; // contactpunt
const { naam, geboortedatum, bsn } = validStepValues.betrokkene;

describe('bot over HTTP: the contactpunt finds a betrokkene and produces the inzage', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  let fatima: Conversation;
  let contactpunt: Conversation;
  let numbers: string[];
  let other: string;

  const records = async (): Promise<AccessRecord[]> => {
    const { resources } = await bot.store().accessLog.items.query('SELECT * FROM c').fetchAll();
    return resources.map((r) => accessRecordSchema.parse(r));
  };

  before(async () => {
    bot = await startBotHarness();
    fatima = talkAs(bot, demoUsers.fatima);
    contactpunt = talkAs(bot, iris);
    const first = await submitCasus(fatima);
    // The same person typed another way, in a second casus with other answers.
    const second = await submitCasus(fatima, {
      betrokkene: { naam: '  jan JANSEN ', gemeente: 'Schiedam' },
      'criterium-3': {
        motivering3: 'Een tweede aanmelding: de overlast is verplaatst naar Schiedam.',
      },
    });
    numbers = [first, second];
    other = await submitCasus(fatima, {
      betrokkene: { naam: 'Piet Pietersen', bsn: '' },
    });
    await talkAs(bot, demoUsers.jeroen).say(`casus ${first}`);
  });
  after(() => bot.stop());

  it('keys the BSN at submit: one key for one BSN, not the BSN itself, and none without a BSN', async () => {
    const { resources } = await bot
      .store()
      .casussen.items.query('SELECT * FROM c WHERE c.kind = "casus"')
      .fetchAll();
    const casussen = resources.map((r) => casusSchema.parse(r));
    const withBsn = casussen.filter((c) => numbers.includes(c.casusNumber ?? ''));
    assert.equal(withBsn.length, 2);
    assert.ok(withBsn.every((c) => c.bsnKey && c.bsnKey === withBsn[0]?.bsnKey));
    assert.ok(!withBsn[0]?.bsnKey?.includes(bsn));
    assert.equal(casussen.find((c) => c.casusNumber === other)?.bsnKey, undefined);
  });

  it('finds both casussen by BSN and by name and date of birth, and not the other betrokkene', async () => {
    assert.match(cardText(await contactpunt.say('betrokkene zoeken')), /Betrokkene zoeken/);
    for (const asked of [{ bsn }, { naam: 'Jan Jansen', geboortedatum }]) {
      const card = await contactpunt.execute('contactpunt.zoek', asked);
      const text = cardText(card);
      assert.match(text, /2 casussen gevonden, bij alle kamers/);
      for (const number of numbers) assert.match(text, new RegExp(number));
      assert.doesNotMatch(text, new RegExp(other));
      // Number, kamer, state and dates only: nothing of the intake (above the form with the question).
      const [found] = text.split('\nBetrokkene zoeken\n');
      assert.doesNotMatch(found ?? '', /Schiedam|overlast is verplaatst|Jansen|1988/i);
    }
    const bsnOnly = cardText(await contactpunt.execute('contactpunt.zoek', { bsn }));
    assert.match(bsnOnly, /Gezocht op BSN alleen/);
    const wrong = cardText(await contactpunt.execute('contactpunt.zoek', { bsn: '123456789' }));
    assert.match(wrong, /elfproef/);
  });

  it('downloads the inzage as PDF with both casussen and their data, and as JSON', async () => {
    const card = await contactpunt.execute('contactpunt.zoek', { bsn, naam, geboortedatum });
    const pdf = await fetch(openUrl(card, 'Inzage (PDF)'));
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const { text } = pdfText(Buffer.from(await pdf.arrayBuffer()));
    for (const number of numbers) assert.match(text, new RegExp(`Casus ${number}`));
    assert.match(text, /Jan Jansen/);
    assert.match(text, /Schiedam/);
    assert.match(text, /de overlast is verplaatst naar Schiedam/);
    assert.match(text, /Doel: /);
    assert.match(text, /Jeroen de Vries, Gemeente Rotterdam \(procesregisseur/);
    assert.match(text, /Bewaartermijn: 24 maanden na afsluiting/);
    assert.doesNotMatch(text, new RegExp(other));
    const json = (await (await fetch(openUrl(card, 'Inzage (JSON)'))).json()) as {
      casussen: {
        casusnummer: string;
        gegevens: { velden: { veld: string; waarden: string[] }[] }[];
      }[];
    };
    assert.deepEqual(json.casussen.map((c) => c.casusnummer).sort(), [...numbers].sort());
    const names = json.casussen.flatMap((c) =>
      c.gegevens.flatMap((g) =>
        g.velden.filter((v) => v.veld === 'Naam').flatMap((v) => v.waarden),
      ),
    );
    assert.deepEqual(
      names.map((n) => n.trim().toLowerCase()),
      ['jan jansen', 'jan jansen'],
    );
    const url = new URL(openUrl(card, 'Inzage (PDF)'));
    const payload = Buffer.from(
      url.pathname.split('/').pop()!.split('.')[1]!,
      'base64url',
    ).toString();
    assert.ok(!payload.includes(bsn) && !/jansen/i.test(payload), 'no BSN or name in the link');
  });

  it('refuses everyone else, and records the searches, the exports and the refusals', async () => {
    const jeroen = talkAs(bot, demoUsers.jeroen);
    for (const answer of [
      await jeroen.say('betrokkene zoeken'),
      await jeroen.execute('contactpunt.zoek', { bsn }),
      await fatima.execute('contactpunt.zoek', { naam, geboortedatum }),
    ]) {
      const text = cardText(answer);
      assert.match(text, /Alleen voor het contactpunt/);
      assert.doesNotMatch(text, new RegExp(numbers.join('|')));
    }
    const all = await records();
    const hers = all.filter((r) => r.actor.personId === iris);
    for (const number of numbers) {
      assert.ok(
        hers.some(
          (r) => r.what === 'search' && r.casusNumber === number && r.why === 'contactpunt.zoek',
        ),
      );
      assert.ok(
        hers.some(
          (r) => r.what === 'export' && r.casusNumber === number && r.why === 'download.inzage',
        ),
      );
    }
    assert.ok(!hers.some((r) => r.casusNumber === other));
    const refused = all.filter((r) => r.what === 'search' && r.result === 'refused');
    assert.deepEqual(
      refused.map((r) => [r.actor.name, r.why]),
      [
        ['Jeroen de Vries', 'betrokkene zoeken'],
        ['Jeroen de Vries', 'contactpunt.zoek'],
        ['Fatima El Amrani', 'contactpunt.zoek'],
      ],
    );
    const text = JSON.stringify(all);
    assert.ok(!text.includes(bsn) && !text.includes(naam), 'no betrokkene data in the access log');
  });
});
