import assert from 'node:assert/strict';
import { MAX_CARD_BYTES } from '../../bot/cards/card-template';
import { MAX_TRACKED_CARDS } from '../../src/app/notifications/outbox';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { MAX_TEXT } from '../../src/domain/intake/intake.schema';
import { demoUsers } from '../helpers/activities';
import { cardProblems } from '../helpers/adaptive-card-check';
import {
  startBotHarness,
  talkAs,
  type BotHarness,
  type Conversation,
} from '../helpers/bot-harness';
import { actionData, hasAction } from '../helpers/card-actions';
import { confirmOn, fieldFor } from '../helpers/decision-press';
import { cardOf, cardText } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';

const anouk = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03'; // procesregisseur of the ZVH
const mohamed = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04';
const sem = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a08';
const DECISIONS = 200;

/** A motivation of the maximum length in 3-byte characters: the worst case for a card's bytes. */
const longest = (n: number) => `Besluit ${n}: `.padEnd(MAX_TEXT, '€');

type Card = Record<string, unknown>;
const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card));

describe('bot over HTTP: a casus with 200 decisions at the longest motivations', function () {
  this.timeout(240_000);
  let bot: BotHarness;
  let fatima: Conversation;
  let jeroen: Conversation;
  let zvh: Conversation;
  let casusId = '';
  let number = '';
  before(async () => {
    bot = await startBotHarness();
    fatima = talkAs(bot, demoUsers.fatima);
    jeroen = talkAs(bot, demoUsers.jeroen);
    zvh = talkAs(bot, anouk);
    for (const who of [fatima, jeroen, zvh, talkAs(bot, mohamed), talkAs(bot, sem)])
      await who.say('help');
  });
  after(async () => {
    await bot.stop();
  });

  const stored = async () =>
    (await bot.store().casussen.item(casusId, casusId).read<Casus>()).resource;

  /** A full decision as the cards make it: first press, and the confirmation when asked. */
  async function decide(as: Conversation, action: string, revision: number): Promise<Card> {
    const data = {
      casusId,
      revision,
      action,
      [fieldFor(action)]: longest(revision),
      ...(action === 'afsluiten' && { closeReason: 'anders' }),
    };
    const answer = await as.execute('casus.decide', data);
    const done = hasAction(answer, 'casus.confirm') ? await confirmOn(as, answer) : answer;
    assert.match(
      cardText(done),
      /Besluit vastgelegd/,
      `${action} at revision ${revision}: ${cardText(done).slice(0, 400)}`,
    );
    assert.ok(bytes(done) <= MAX_CARD_BYTES);
    return done;
  }

  it('answers every decision, renders every view and notification, and stays far below 2 MB', async () => {
    number = await submitCasus(fatima);
    const first = await jeroen.say(`casus ${number}`);
    casusId = String(actionData(first, 'casus.decide').casusId);
    let revision = Number(actionData(first, 'casus.decide').revision);
    // Requests for information and their answers, then accept and escalate: 200 decisions.
    for (let i = 0; i < DECISIONS - 2; i += 2) {
      await decide(jeroen, 'informatie-vragen', revision++);
      await decide(fatima, 'aanvullen', revision++);
    }
    await decide(jeroen, 'accepteren', revision++);
    await decide(jeroen, 'opschalen', revision++);

    // Once the last decisions are delivered (their deliveries run after the answers).
    let casus = await stored();
    for (let i = 0; i < 150 && casus && (casus.outbox.length > 0 || casus.deliveryLease); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      casus = await stored();
    }
    assert.ok(casus);
    assert.equal(
      casus.audit.filter((entry) => !['intake-gestart', 'indienen'].includes(entry.action)).length,
      DECISIONS,
    );
    const size = Buffer.byteLength(JSON.stringify(casus));
    // Printed on purpose: the size is the number to watch as the casus document grows.
    process.stdout.write(
      `      casus document after ${DECISIONS} decisions: ${(size / 1024).toFixed(0)} KB (${casus.outbox.length} outbox entries, ${casus.cards.length} tracked cards)\n`,
    );
    assert.ok(size < 1.5 * 1024 * 1024, `${size} bytes`);
    assert.ok(casus.cards.length <= MAX_TRACKED_CARDS);
    assert.equal(casus.outbox.length, 0, 'sent outbox entries are removed');

    // Every view of it, for everyone who may see it.
    const views: [string, Card][] = [
      ['jeroen', await jeroen.say(`casus ${number}`)],
      ['fatima', await fatima.say(`casus ${number}`)],
      ['sem', await talkAs(bot, sem).say(`casus ${number}`)],
      ['mohamed', await talkAs(bot, mohamed).say(`casus ${number}`)],
      ['zvh', await zvh.say(`casus ${number}`)],
      ['casuslijst', await zvh.say('casuslijst')],
      ['mijn casussen', await fatima.say('mijn casussen')],
    ];
    const zvhCard = views[4]![1];
    assert.match(cardText(zvhCard), /Opschaling aangevraagd · Zorg- en Veiligheidshuis/);
    assert.match(cardText(zvhCard), /196 eerdere stappen, niet op deze kaart/);
    assert.ok(hasAction(zvhCard, 'casus.decide'), 'the decider still has the buttons');
    const taken = await decide(zvh, 'opschaling-accepteren', revision++);
    const asked = await zvh.execute('casus.decide', {
      casusId,
      revision,
      action: 'afsluiten',
      motivationAfsluiten: longest(revision),
      closeReason: 'anders',
    });
    assert.match(cardText(asked), /Weet je het zeker\? De casus wordt afgesloten/);
    views.push(['zvh accepted', taken], ['confirmation', asked]);
    const closed = await confirmOn(zvh, asked);
    assert.match(cardText(closed), /Besluit vastgelegd: Afgesloten/);
    views.push(['closed', closed]);
    for (const [who, card] of views) {
      assert.ok(bytes(card) <= MAX_CARD_BYTES, `${who}: ${bytes(card)} bytes`);
      assert.doesNotMatch(cardText(card), /Er ging iets mis|te groot/, who);
    }

    // Every notification and every copy updated in place: short, clean, and about this casus.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const notifications = [...bot.connector.sent, ...bot.connector.updated]
      .map((sent) => cardOf(sent))
      .filter((card) => cardText(card).includes(`Casus ${number}`));
    assert.ok(notifications.length >= DECISIONS, `${notifications.length} notifications`);
    for (const card of notifications) {
      assert.deepEqual(cardProblems(card), []);
      assert.ok(bytes(card) <= MAX_CARD_BYTES, `${bytes(card)} bytes`);
      assert.doesNotMatch(cardText(card), /Er ging iets mis/);
    }
    const shortest = Math.max(
      ...notifications
        .filter((card) => JSON.stringify(card.actions ?? []).includes('Open casus'))
        .map(bytes),
    );
    assert.ok(shortest < 6 * 1024, `a notification is short (${shortest} bytes at most)`);
    const final = await stored();
    assert.ok(final && Buffer.byteLength(JSON.stringify(final)) < 1.5 * 1024 * 1024);
  });
});
