import assert from 'node:assert/strict';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { MAX_CARD_BYTES } from '../../bot/cards/card-template';
import { demoUsers } from '../helpers/activities';
import { talkAs, type Conversation } from '../helpers/bot-harness';
import { startBotProcess, type BotProcess } from '../helpers/bot-process';
import { button, buttonsOf, type Button } from '../helpers/card-buttons';
import { cardText } from '../helpers/fake-connector';
import { submissionOf } from '../helpers/intake-values';
import { sampleCasus } from '../helpers/samples';
import { measuredTurn, toCasussen, type ProxiedRequest } from '../helpers/store-proxy';

type Card = Record<string, unknown>;
const DRAFTS = 23;
const SUBMITTED = 12;
const bytes = (card: Card) => Buffer.byteLength(JSON.stringify(card));
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const fatimaRef = { ...sampleCasus().createdBy, id: demoUsers.fatima };

/** A submitted casus of Fatima's, older than all her drafts. */
function submitted(index: number): Casus {
  return sampleCasus({
    state: index % 3 === 0 ? 'in_behandeling_lokaal' : 'aangemeld',
    createdBy: fatimaRef,
    createdAt: at(10_000 + index),
    kamerId: 'lk-rotterdam',
    casusNumber: `LK-ROT-2026-${String(index + 1).padStart(4, '0')}`,
    revision: 1,
    submission: submissionOf(at(10_000 + index)),
  });
}

/** A draft with a name (its longest possible one, in multi-byte letters, every fifth). */
function draft(index: number): Casus {
  const naam = index % 5 === 0 ? 'Ŵ'.repeat(4000) : `Betrokkene ${String(index).padStart(2, '0')}`;
  return sampleCasus({
    createdBy: fatimaRef,
    createdAt: at(index),
    intake: { step: 'criteria-1-2', values: { naam, doorbraakToelichting: 'é'.repeat(4000) } },
  });
}

describe('bot over HTTP: "mijn casussen" reaches every casus, page by page', function () {
  this.timeout(120_000);
  let bot: BotProcess;
  let fatima: Conversation;
  const drafts = Array.from({ length: DRAFTS }, (_, i) => draft(i));
  const submittedCasussen = Array.from({ length: SUBMITTED }, (_, i) => submitted(i));

  before(async () => {
    bot = await startBotProcess();
    fatima = talkAs(bot, demoUsers.fatima);
    await fatima.say('help');
    const { casussen } = bot.store();
    await Promise.all([...drafts, ...submittedCasussen].map((c) => casussen.items.create(c)));
  });
  after(async () => {
    await bot.stop();
  });

  const measured = (turn: () => Promise<Card>) => measuredTurn(bot.proxy, turn);
  /**
   * A page is one query of list rows (the SDK asks the query plan first), never a document; and
   * one access record per submitted casus it shows, appended side by side at the turn's end.
   */
  function assertOneQuery(requests: ProxiedRequest[], what: string) {
    const casusRequests = toCasussen(requests);
    const records = requests.filter((r) => /\/colls\/access-log\/docs/.test(r.path));
    const others = requests.length - records.length;
    process.stdout.write(
      `      store requests for ${what}: ${others} (casussen: ${casusRequests.length}) and ${records.length} access records\n`,
    );
    assert.ok(casusRequests.length <= 2, JSON.stringify(requests));
    assert.ok(others <= 8, JSON.stringify(requests));
    assert.ok(
      records.every((r) => r.method === 'POST'),
      'access records are only appended',
    );
    return records.length;
  }
  const pageButton = (card: Card, title: string, changes: 'draftsPage' | 'page') => {
    const own = buttonsOf(card).filter((b) => b.title === title && b.verb === 'list.show');
    const here = pagesOf(card);
    return own.find((b: Button) =>
      changes === 'draftsPage'
        ? Number(b.data.draftsPage) !== here.drafts
        : Number(b.data.page) !== here.submitted,
    );
  };
  const pagesOf = (card: Card) => {
    const text = cardText(card);
    return {
      drafts: Number(/Pagina (\d+) van \d+ · \d+ concepten/.exec(text)?.[1] ?? 1),
      submitted: Number(/Pagina (\d+) van \d+ · \d+ aangemeld/.exec(text)?.[1] ?? 1),
    };
  };

  it(`pages ${DRAFTS} drafts and ${SUBMITTED} submitted casussen on their own, every one reachable`, async () => {
    const first = await measured(() => fatima.say('mijn casussen'));
    const records = assertOneQuery(first.requests, 'the first page');
    const opens = buttonsOf(first.card).filter((b) => b.title === 'Open').length;
    assert.ok(opens > 0);
    assert.equal(records, opens, 'one access record per submitted casus shown');
    const text = cardText(first.card);
    assert.match(text, new RegExp(`Pagina 1 van 3 · ${DRAFTS} concepten`));
    assert.match(text, new RegExp(`Pagina 1 van 2 · ${SUBMITTED} aangemeld`));
    // The drafts are newer, yet the submitted casussen are on the first card too.
    assert.match(text, /LK-ROT-2026-0001/);
    assert.ok(bytes(first.card) <= MAX_CARD_BYTES, `page 1 is ${bytes(first.card)} bytes`);

    const seenDrafts = new Set<string>();
    const seenSubmitted = new Set<string>();
    const collect = (card: Card) => {
      for (const b of buttonsOf(card)) {
        if (b.title === 'Verder') seenDrafts.add(String(b.data.casusId));
        if (b.title === 'Open') seenSubmitted.add(String(b.data.casusId));
      }
    };
    collect(first.card);
    let card = first.card;
    for (;;) {
      const next = pageButton(card, 'Volgende pagina', 'draftsPage');
      if (!next) break;
      const turned = await measured(() => fatima.execute(next.verb, next.data));
      assertOneQuery(turned.requests, `drafts page ${pagesOf(turned.card).drafts}`);
      card = turned.card;
      assert.ok(bytes(card) <= MAX_CARD_BYTES, `a drafts page is ${bytes(card)} bytes`);
      collect(card);
    }
    assert.match(cardText(card), /Pagina 3 van 3 · 23 concepten/);
    assert.ok(pageButton(card, 'Vorige pagina', 'draftsPage'));
    // Paging the submitted casussen keeps the drafts where they were.
    const nextSubmitted = pageButton(card, 'Volgende pagina', 'page');
    assert.ok(nextSubmitted);
    card = await fatima.execute(nextSubmitted.verb, nextSubmitted.data);
    assert.deepEqual(pagesOf(card), { drafts: 3, submitted: 2 });
    assert.ok(bytes(card) <= MAX_CARD_BYTES, `${bytes(card)} bytes`);
    collect(card);

    assert.deepEqual([...seenDrafts].sort(), drafts.map((d) => d.id).sort());
    assert.deepEqual([...seenSubmitted].sort(), submittedCasussen.map((c) => c.id).sort());

    // "Terug naar de lijst" from a casus on the second page of submitted casussen leads there.
    const open = button(card, 'Open');
    const opened = await fatima.execute(open.verb, open.data);
    assert.match(cardText(opened), /Casus LK-ROT-2026-/);
    const back = button(opened, 'Terug naar de lijst');
    const list = await fatima.execute(back.verb, back.data);
    assert.match(cardText(list), /Pagina 2 van 2 · 12 aangemeld/);
    assert.ok(button(list, 'Open', { casusId: open.data.casusId }));
  });

  it('removes a draft on page 2 and shows page 2 again', async () => {
    const first = await fatima.say('mijn casussen');
    const next = pageButton(first, 'Volgende pagina', 'draftsPage');
    assert.ok(next);
    const page2 = await fatima.execute(next.verb, next.data);
    const remove = button(page2, 'Verwijderen');
    const ask = await fatima.execute(remove.verb, remove.data);
    const confirmed = await fatima.execute(
      button(ask, 'Ja, verwijderen').verb,
      button(ask, 'Ja, verwijderen').data,
    );
    assert.match(cardText(confirmed), /Het concept is verwijderd/);
    assert.match(cardText(confirmed), new RegExp(`Pagina 2 van 3 · ${DRAFTS - 1} concepten`));
    assert.ok(!buttonsOf(confirmed).some((b) => b.data.casusId === remove.data.casusId));
  });

  it('"nieuwe casus" makes one empty draft beside many, and picks it up again in few requests', async () => {
    const before = (await fatima.say('mijn casussen')) as Card;
    const draftsBefore = Number(/· (\d+) concepten/.exec(cardText(before))?.[1]);
    const started = await measured(() => fatima.say('nieuwe casus'));
    assert.match(cardText(started.card), /stap 1 van 5/i);
    const again = await measured(() => fatima.say('nieuwe casus'));
    assert.match(cardText(again.card), /stap 1 van 5/i);
    // The list rows, then one read of the empty draft: no document of any other casus.
    const casusRequests = toCasussen(again.requests);
    process.stdout.write(
      `      store requests to resume the empty draft: ${again.requests.length} (casussen: ${casusRequests.length})\n`,
    );
    assert.ok(casusRequests.length <= 3, JSON.stringify(again.requests));
    const after = cardText(await fatima.say('mijn casussen'));
    assert.match(after, new RegExp(`· ${draftsBefore + 1} concepten`));
    assert.match(after, /\nleeg\n · stap 1 van 5/);
  });
});
