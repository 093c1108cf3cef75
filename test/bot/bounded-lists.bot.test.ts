import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { MAX_CARD_BYTES } from '../../bot/cards/card-template';
import { demoUsers } from '../helpers/activities';
import { talkAs, type Conversation } from '../helpers/bot-harness';
import { startBotProcess, type BotProcess } from '../helpers/bot-process';
import { button, buttonsOf } from '../helpers/card-buttons';
import { cardText } from '../helpers/fake-connector';
import { submissionOf } from '../helpers/intake-values';
import { sampleCasus } from '../helpers/samples';
import { measuredTurn, toCasussen } from '../helpers/store-proxy';
import { tempDir } from '../helpers/temp-dir';

type Card = Record<string, unknown>;
const OPEN_CASUSSEN = 500;
const bytes = (card: Card) => Buffer.byteLength(JSON.stringify(card));

/** An open casus at Lokale Kamer Rotterdam, submitted `daysAgo` days ago. */
function openCasus(index: number): Casus {
  const submittedAt = new Date(Date.now() - (index % 90) * 86_400_000).toISOString();
  return sampleCasus({
    state: index % 7 === 0 ? 'in_behandeling_lokaal' : 'aangemeld',
    kamerId: 'lk-rotterdam',
    casusNumber: `LK-ROT-2026-${String(index + 1).padStart(4, '0')}`,
    revision: 1,
    submission: submissionOf(submittedAt),
  });
}

describe('bot over HTTP: lists stay bounded however long they get', function () {
  this.timeout(120_000);
  let bot: BotProcess;
  let jeroen: Conversation;
  let seedDir: Awaited<ReturnType<typeof tempDir>>;

  before(async () => {
    // The demo registry and 64 more persons who may use the system: "rol" would list 70.
    seedDir = await tempDir('bounded-lists-seed');
    const seed = JSON.parse(readFileSync('seed/registry.demo.json', 'utf8')) as {
      persons: object[];
    };
    for (let i = 0; i < 64; i++)
      seed.persons.push({
        kind: 'persoon',
        id: randomUUID(),
        name: `Demopersoon ${String(i + 1).padStart(2, '0')}`,
        organisationId: 'gemeente-rotterdam',
        roles: [{ role: 'procesregisseur', kamerId: 'lk-schiedam' }],
        screening: { kind: 'vog', date: '2025-05-01' },
      });
    const seedFile = join(seedDir.path, 'registry.json');
    writeFileSync(seedFile, JSON.stringify(seed));
    bot = await startBotProcess({ REGISTRY_SEED_FILE: seedFile });
    jeroen = talkAs(bot, demoUsers.jeroen);
    await jeroen.say('help');
    const { casussen } = bot.store();
    for (let start = 0; start < OPEN_CASUSSEN; start += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) => casussen.items.create(openCasus(start + i))),
      );
    }
  });
  after(async () => {
    await bot.stop();
    await seedDir.remove();
  });

  const measured = (turn: () => Promise<Card>) => measuredTurn(bot.proxy, turn);

  it(`pages a casuslijst of ${OPEN_CASUSSEN} open casussen, each page small, with one casus query`, async () => {
    const first = await measured(() => jeroen.say('casuslijst'));
    const text = cardText(first.card);
    assert.match(text, new RegExp(`Pagina 1 van 25 · ${OPEN_CASUSSEN} open casussen`));
    assert.ok(bytes(first.card) <= MAX_CARD_BYTES, `page 1 is ${bytes(first.card)} bytes`);
    assert.ok(!buttonsOf(first.card).some((b) => b.title === 'Vorige pagina'));
    const openButtons = buttonsOf(first.card).filter((b) => b.title === 'Open');
    assert.equal(openButtons.length, 20);

    const { verb, data } = button(first.card, 'Volgende pagina');
    const second = await measured(() => jeroen.execute(verb, data));
    assert.match(cardText(second.card), /Pagina 2 van 25/);
    assert.match(cardText(second.card), /\*\*21\. LK-ROT-/);
    assert.ok(button(second.card, 'Vorige pagina'));

    let last = second.card;
    for (let page = 3; page <= 25; page++) {
      const pressed = button(last, 'Volgende pagina');
      last = await jeroen.execute(pressed.verb, pressed.data);
      assert.ok(bytes(last) <= MAX_CARD_BYTES, `page ${page} is ${bytes(last)} bytes`);
    }
    assert.match(cardText(last), /Pagina 25 van 25/);
    assert.match(cardText(last), /\*\*500\. LK-ROT-/);
    assert.ok(!buttonsOf(last).some((b) => b.title === 'Volgende pagina'));

    // One query of list rows reads the whole list (the SDK asks the query plan first): no
    // request per casus, none per 100 rows.
    for (const { requests } of [first, second]) {
      process.stdout.write(
        `      store requests for one page: ${requests.length} (casussen: ${toCasussen(requests).length})\n`,
      );
      assert.ok(toCasussen(requests).length <= 2, JSON.stringify(requests));
      assert.ok(requests.length <= 8, JSON.stringify(requests));
    }

    // "Terug naar de lijst" from a casus opened on page 2 leads to page 2.
    const opened = await jeroen.execute(
      button(second.card, 'Open').verb,
      button(second.card, 'Open').data,
    );
    const back = button(opened, 'Terug naar de lijst');
    assert.match(cardText(await jeroen.execute(back.verb, back.data)), /Pagina 2 van 25/);
  });

  it('keeps "Terug naar de lijst" through every press on a card opened from the list', async () => {
    const list = await jeroen.say('casuslijst');
    const opened = await jeroen.execute(button(list, 'Open').verb, button(list, 'Open').data);
    const motivation = 'Besproken in het casusoverleg; de criteria zijn duidelijk onderbouwd.';
    // The first press of an irreversible decision: its confirmation, then back without deciding.
    const reject = button(opened, 'Afwijzen…');
    const confirm = await jeroen.execute(reject.verb, { ...reject.data, motivation });
    assert.match(cardText(confirm), /Weet je het zeker\?/);
    assert.ok(button(confirm, 'Terug naar de lijst'), 'the confirmation leads back');
    const withdrawn = button(confirm, 'Terug, niet besluiten');
    const form = await jeroen.execute(withdrawn.verb, { ...withdrawn.data, motivation });
    assert.ok(button(form, 'Terug naar de lijst'), 'the form brought back leads back');
    // A refused press (too short) and a decision taken keep it too.
    const accept = button(form, 'Accepteren');
    const refused = await jeroen.execute(accept.verb, { ...accept.data, motivation: 'kort' });
    assert.match(cardText(refused), /minstens 30 tekens/);
    assert.ok(button(refused, 'Terug naar de lijst'), 'a refusal leads back');
    const accepted = await jeroen.execute(accept.verb, { ...accept.data, motivation });
    assert.match(cardText(accepted), /Besluit vastgelegd: Geaccepteerd/);
    const back = button(accepted, 'Terug naar de lijst');
    assert.match(cardText(await jeroen.execute(back.verb, back.data)), /Pagina 1 van 25/);
  });

  it('reads the casus once for a search by number, and answers with its card', async () => {
    // A seeded casus nobody pressed on: no delivery of its own writes to it meanwhile.
    const number = 'LK-ROT-2026-0400';
    const { card, requests } = await measured(() =>
      jeroen.execute('casus.search', { by: 'nummer', casusNumber: number }),
    );
    assert.match(cardText(card), new RegExp(`Casus ${number}`));
    // Queries, and requests for this casus: a delivery for another one may run meanwhile.
    const casusId = (card.refresh as { action: { data: { casusId: string } } }).action.data.casusId;
    const reads = toCasussen(requests).filter(
      (request) => request.path.endsWith('/docs') || request.path.endsWith(`/docs/${casusId}`),
    );
    // The query by number (after the SDK's query plan), and no second read of the same casus.
    assert.ok(
      reads.every((request) => request.method === 'POST'),
      JSON.stringify(reads),
    );
    assert.ok(reads.length <= 2, JSON.stringify(reads));
  });

  it('pages "rol" over 70 registry persons, and filters it by name', async () => {
    const fatima = talkAs(bot, demoUsers.fatima);
    const first = await fatima.say('rol');
    assert.ok(bytes(first) <= MAX_CARD_BYTES, `rol is ${bytes(first)} bytes`);
    assert.match(cardText(first), /Pagina 1 van \d+ · \d+ personen/);
    assert.equal(buttonsOf(first).filter((b) => b.verb === 'demo.persona').length, 10);
    let card = first;
    const seen = new Set<string>();
    for (;;) {
      for (const b of buttonsOf(card).filter((b) => b.verb === 'demo.persona'))
        seen.add(String(b.data.personId));
      const nextPage = buttonsOf(card).find((b) => b.title === 'Volgende pagina');
      if (!nextPage) break;
      card = await fatima.execute(nextPage.verb, nextPage.data);
      assert.ok(bytes(card) <= MAX_CARD_BYTES);
    }
    assert.ok(seen.size >= 70, `${seen.size} persons over all pages`);

    const filtered = await fatima.say('rol demopersoon 04');
    assert.match(cardText(filtered), /Demopersoon 04/);
    assert.doesNotMatch(cardText(filtered), /Demopersoon 05/);
    const jeroenOnly = await fatima.say('rol Jeroen');
    const switchTo = button(jeroenOnly, 'Word Jeroen de Vries');
    assert.match(cardText(await fatima.execute(switchTo.verb, switchTo.data)), /Hallo Jeroen/);
    await fatima.execute('demo.persona', { personId: demoUsers.fatima });
    assert.match(cardText(await fatima.say('rol niemand-zo')), /Niemand gevonden/);
  });
});
