import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { DownloadLinks } from '../../src/app/links/download-links';
import {
  accessRecordSchema,
  type AccessRecord,
} from '../../src/domain/access/access-record.schema';
import { demoUsers } from '../helpers/activities';
import { startBotHarness, talkAs, type BotHarness } from '../helpers/bot-harness';
import { because, press } from '../helpers/decision-press';
import { cardText } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';
import { pdfText } from '../helpers/pdf-text';
import { inviteAndSign, storedCasus, type SignedCasus } from '../helpers/signed-casus';
import { signingEnv } from '../helpers/signing-env';
import { openUrls } from '../helpers/card-buttons';

const mohamed = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04'; // weegtafellid of the Lokale Kamer
const anouk = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03'; // procesregisseur of the ZVH
const BUTTON = 'Dossier exporteren (PDF)';

describe('bot over HTTP: the dossier export for the casusoverleg', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  let signed: SignedCasus;
  let secret: Uint8Array;
  const acceptance = because('Geaccepteerd: vier criteria voldaan');

  const records = async (): Promise<AccessRecord[]> => {
    const { resources } = await bot.store().accessLog.items.query('SELECT * FROM c').fetchAll();
    return resources.map((r) => accessRecordSchema.parse(r));
  };
  const exports = async () =>
    (await records())
      .filter((r) => r.what === 'export' && r.casusId === signed.casus.id)
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((r) => [r.actor.name, r.why, r.result, r.casusNumber]);
  /** The export records once there are `count`: they are appended as the response goes out. */
  const exportsWhen = async (count: number) => {
    for (let i = 0; i < 40 && (await exports()).length < count; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return exports();
  };
  /** A link as the bot would issue it to this person, made with the bot's own secret. */
  const linkFor = async (personId: string, now = () => new Date()) =>
    (
      await new DownloadLinks(secret, now, () => bot.url, randomUUID).issue(personId, {
        kind: 'dossier',
        format: 'pdf',
        ref: signed.casus.id,
      })
    ).url;

  before(async () => {
    const env = signingEnv();
    secret = new Uint8Array(Buffer.from(env.LINK_TOKEN_SECRET!, 'base64'));
    bot = await startBotHarness({
      LINK_TOKEN_SECRET: env.LINK_TOKEN_SECRET!,
      EVIDENCE_SIGNING_KEY: env.EVIDENCE_SIGNING_KEY!,
    });
    const jeroen = talkAs(bot, demoUsers.jeroen);
    const number = await submitCasus(talkAs(bot, demoUsers.fatima));
    await press(jeroen, await jeroen.say(`casus ${number}`), 'accepteren', acceptance);
    signed = await inviteAndSign(bot, number);
  });
  after(() => bot.stop());

  it('offers the button to the procesregisseur only, on the card rendered for him', async () => {
    const card = await talkAs(bot, demoUsers.jeroen).say(`casus ${signed.casus.casusNumber}`);
    const [url, ...more] = openUrls(card, BUTTON);
    assert.ok(url && more.length === 0, 'one button on his card');
    assert.match(url, new RegExp(`^${bot.url}/download/[^/]+\\.pdf$`));
    for (const other of [mohamed, demoUsers.fatima]) {
      const theirs = await talkAs(bot, other).say(`casus ${signed.casus.casusNumber}`);
      assert.match(cardText(theirs), new RegExp(signed.casus.casusNumber));
      assert.deepEqual(openUrls(theirs, BUTTON), [], 'who may see but not export gets no button');
    }
  });

  it('downloads the dossier: intake, assessment, evidence, every decision, the declarations and the chain check, recorded as an export', async () => {
    const before = await storedCasus(bot, signed.casus.id);
    const card = await talkAs(bot, demoUsers.jeroen).say(`casus ${signed.casus.casusNumber}`);
    const response = await fetch(openUrls(card, BUTTON)[0]!);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(
      response.headers.get('content-disposition') ?? '',
      new RegExp(
        `^attachment; filename="dossier-${signed.casus.casusNumber}-\\d{4}-\\d{2}-\\d{2}\\.pdf"$`,
      ),
    );
    const pdf = Buffer.from(await response.arrayBuffer());
    const text = pdfText(pdf).text.replace(/\s+/g, ' ');
    for (const expected of [
      `Dossier casus ${signed.casus.casusNumber}`,
      'Lokale Kamer Rotterdam',
      'In behandeling bij de Lokale Kamer',
      'Toets aan art. 2.20 BGS bij aanmelding',
      'Criterium 3.',
      'Motivering van de aanmelder:',
      'Onderbouwing van de intake',
      'Geaccepteerd door de Lokale Kamer',
      `Motivering: ${acceptance}`,
      'Van Aangemeld naar In behandeling bij de Lokale Kamer',
      'Jeroen de Vries, Gemeente Rotterdam (procesregisseur',
      'Geheimhoudingsverklaring ondertekend',
      'Woonstichting Maasstad: Rob de Boer',
      signed.declaration.record.id,
      'Bewijsstuk opnieuw berekend',
      `keten intact, ${before.audit.length} regels`,
      'door Jeroen de Vries, Gemeente Rotterdam',
      'pagina 1 van',
    ]) {
      assert.ok(text.includes(expected), `the dossier holds "${expected}"`);
    }
    // The casus is read, not written: an export changes nothing of it.
    assert.deepEqual(await storedCasus(bot, signed.casus.id), before);
    assert.deepEqual(await exportsWhen(1), [
      ['Jeroen de Vries', 'download.dossier', 'shown', signed.casus.casusNumber],
    ]);
  });

  it('refuses the weegtafellid, the intake worker and the ZVH, records each refusal and shows nothing', async () => {
    const before = await storedCasus(bot, signed.casus.id);
    const earlier = (await exports()).length;
    for (const personId of [mohamed, demoUsers.fatima, anouk]) {
      const response = await fetch(await linkFor(personId));
      assert.equal(response.status, 403);
      const page = await response.text();
      assert.match(page, /Geen toegang/);
      assert.doesNotMatch(page, new RegExp(`${signed.casus.casusNumber}|Maasstad`));
    }
    assert.deepEqual((await exportsWhen(earlier + 3)).slice(earlier), [
      ['Mohamed Yilmaz', 'download.dossier', 'refused', signed.casus.casusNumber],
      ['Fatima El Amrani', 'download.dossier', 'refused', signed.casus.casusNumber],
      ['Anouk Bakker', 'download.dossier', 'refused', signed.casus.casusNumber],
    ]);
    assert.deepEqual(await storedCasus(bot, signed.casus.id), before);
  });

  it('a tampered or an expired link opens nothing and records nothing', async () => {
    const earlier = await exports();
    const valid = await linkFor(demoUsers.jeroen);
    const tampered = await fetch(valid.replace(/\.pdf$/, 'x.pdf'));
    assert.equal(tampered.status, 404);
    assert.match(await tampered.text(), /Deze link werkt niet/);
    const issuedLongAgo = await linkFor(demoUsers.jeroen, () => new Date(Date.now() - 20 * 60_000));
    const expired = await fetch(issuedLongAgo);
    assert.equal(expired.status, 410);
    assert.match(await expired.text(), /Deze link is verlopen/);
    // Had either been recorded, it would be there by the time a valid link's export is.
    assert.equal((await fetch(valid)).status, 200);
    assert.deepEqual((await exportsWhen(earlier.length + 1)).slice(0, -1), earlier);
  });
});
