import assert from 'node:assert/strict';
import {
  accessRecordSchema,
  type AccessRecord,
} from '../../src/domain/access/access-record.schema';
import { demoUsers } from '../helpers/activities';
import {
  startBotHarness,
  talkAs,
  type BotHarness,
  type Conversation,
} from '../helpers/bot-harness';
import { openUrl } from '../helpers/card-buttons';
import { cardText } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';
import { validStepValues } from '../helpers/intake-values';

const anouk = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03'; // procesregisseur of the ZVH: may not see it
const eva = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a09'; // privacy officer

describe('bot over HTTP: the access log and the privacy officer', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  let fatima: Conversation;
  let jeroen: Conversation;
  let number: string;

  const records = async (): Promise<AccessRecord[]> => {
    const { resources } = await bot.store().accessLog.items.query('SELECT * FROM c').fetchAll();
    return resources.map((r) => accessRecordSchema.parse(r));
  };

  before(async () => {
    bot = await startBotHarness();
    fatima = talkAs(bot, demoUsers.fatima);
    jeroen = talkAs(bot, demoUsers.jeroen);
    number = await submitCasus(fatima);
    await jeroen.say(`casus ${number}`);
    await talkAs(bot, anouk).say(`casus ${number}`);
  });
  after(() => bot.stop());

  it('records the submit, the view and the refused view, with who, role, kamer, why and result, and no betrokkene data', async () => {
    const ofCasus = (await records()).filter((r) => r.casusNumber === number);
    const lines = ofCasus.map((r) => [r.actor.name, r.what, r.why, r.result]);
    assert.deepEqual(
      lines.filter(([name]) => name !== 'Fatima El Amrani'),
      [
        ['Jeroen de Vries', 'view', 'casus', 'shown'],
        ['Anouk Bakker', 'view', 'casus', 'refused'],
      ],
    );
    assert.ok(
      lines.some(
        ([name, what, , result]) =>
          name === 'Fatima El Amrani' && what === 'change' && result === 'changed',
      ),
      'the submit is a change',
    );
    const jeroenLine = ofCasus.find((r) => r.actor.name === 'Jeroen de Vries');
    assert.deepEqual(jeroenLine?.actor.roles, ['procesregisseur@lk-rotterdam']);
    assert.equal(jeroenLine?.kamerId, 'lk-rotterdam');
    const all = JSON.stringify(await records());
    const { naam, bsn } = validStepValues.betrokkene as { naam: string; bsn: string };
    assert.ok(!all.includes(naam) && !all.includes(bsn), 'no betrokkene data in the access log');
  });

  it('answers the privacy officer "wie heeft casus X ingezien", with the refused attempt, and exports it', async () => {
    const card = await talkAs(bot, eva).say(`wie heeft casus ${number} ingezien`);
    const text = cardText(card);
    assert.match(text, new RegExp(`Casus ${number}: \\d+ regels`));
    assert.match(
      text,
      /Jeroen de Vries \(Gemeente Rotterdam; procesregisseur \(Lokale Kamer Rotterdam\)\): ingezien, getoond/,
    );
    assert.match(
      text,
      /Anouk Bakker \(Gemeente Rotterdam; procesregisseur \([^)]+\)\): ingezien, geweigerd/,
    );
    const csv = await fetch(openUrl(card, 'Exporteer (CSV)'));
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(
      csv.headers.get('content-disposition') ?? '',
      /^attachment; filename="toegangslog-casus-/,
    );
    const rows = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(rows[0], 'wanneer;wie;organisatie;rollen;casus;kamer;wat;waarom;resultaat');
    assert.ok(rows.some((row) => row.includes('Anouk Bakker') && row.endsWith(';geweigerd')));
    const json = (await (await fetch(openUrl(card, 'Exporteer (JSON)'))).json()) as {
      records: AccessRecord[];
    };
    assert.ok(json.records.some((r) => r.actor.name === 'Jeroen de Vries' && r.what === 'view'));
    // The question and the export are themselves in the log, as the privacy officer's.
    const hers = (await records()).filter((r) => r.actor.personId === eva);
    assert.deepEqual(
      hers.map((r) => [r.what, r.why, r.result, r.casusNumber]),
      [
        ['search', 'wie heeft casus', 'shown', number],
        ['export', 'download.toegangslog', 'shown', undefined],
        ['export', 'download.toegangslog', 'shown', undefined],
      ],
    );
  });

  it('answers "wat heeft Jeroen ingezien" with his view of the casus', async () => {
    const text = cardText(await talkAs(bot, eva).say('wat heeft jeroen de vries ingezien'));
    assert.match(text, /Jeroen de Vries: \d+ regels?/);
    assert.match(text, new RegExp(`ingezien, getoond — casus ${number} — via casus`));
  });

  it('refuses everyone else, records the refusal, and a tampered or foreign link opens nothing', async () => {
    for (const who of [jeroen, fatima]) {
      const text = cardText(await who.say(`wie heeft casus ${number} ingezien`));
      assert.match(text, /Alleen voor de privacy officer/);
      assert.doesNotMatch(text, /Anouk/);
    }
    const refused = (await records()).filter(
      (r) => r.why === 'wie heeft casus' && r.result === 'refused',
    );
    assert.equal(refused.length, 2);
    const card = await talkAs(bot, eva).say(`wie heeft casus ${number} ingezien`);
    const url = openUrl(card, 'Exporteer (CSV)');
    const tampered = await fetch(url.replace(/\.csv$/, 'x.csv'));
    assert.equal(tampered.status, 404);
    assert.doesNotMatch(await tampered.text(), /Jeroen|Anouk/);
  });

  it('records a submitted casus opened from "mijn casussen" as a view, as "casus <nummer>" is', async () => {
    const casusId = (await records()).find((r) => r.casusNumber === number)?.casusId;
    assert.ok(casusId);
    assert.match(cardText(await fatima.execute('intake.open', { casusId })), new RegExp(number));
    const views = (await records()).filter(
      (r) => r.casusId === casusId && r.actor.personId === demoUsers.fatima && r.what === 'view',
    );
    assert.deepEqual(
      views.map((r) => [r.why, r.result]),
      [['intake.open', 'shown']],
    );
  });

  it("records a colleague's attempt to open the worker's casus by its id as refused", async () => {
    const casusId = (await records()).find((r) => r.casusNumber === number)?.casusId;
    assert.ok(casusId);
    const answer = cardText(await talkAs(bot, demoUsers.sem).execute('intake.open', { casusId }));
    assert.doesNotMatch(answer, new RegExp(number));
    const attempts = (await records()).filter(
      (r) => r.casusId === casusId && r.actor.personId === demoUsers.sem,
    );
    assert.deepEqual(
      attempts.map((r) => [r.what, r.why, r.result]),
      [['view', 'intake.open', 'refused']],
    );
  });

  it('answers a period of days that do not exist, or before the log began, with the form, not an error', async () => {
    const asEva = talkAs(bot, eva);
    for (const [van, tot] of [
      ['2026-02-31', '2026-03-01'],
      ['2026-00-10', '2026-03-01'],
      ['1000-01-01', '2026-03-01'],
      ['2026-01-01', '9999-12-31'],
    ]) {
      const answer = cardText(
        await asEva.execute('toegang.vraag', { about: 'casus', van, tot, casusNumber: number }),
      );
      assert.match(answer, /Kies een periode van bestaande dagen/, `${van} – ${tot}`);
    }
  });
});
