import assert from 'node:assert/strict';
import { cardsSentTo, waitForCardTo } from '../helpers/sent-cards';
import { demoUsers } from '../helpers/activities';
import {
  startBotHarness,
  talkAs,
  type BotHarness,
  type Conversation,
} from '../helpers/bot-harness';
import { walk } from '../helpers/adaptive-card-check';
import { hasAction } from '../helpers/card-actions';
import { cardOf, cardText } from '../helpers/fake-connector';
import { because, press } from '../helpers/decision-press';
import { submitCasus } from '../helpers/intake-flow';
import type { Casus } from '../../src/domain/casus/casus.schema';

const anouk = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03'; // procesregisseur of the ZVH
const mohamed = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04'; // weegtafellid of Lokale Kamer Rotterdam (Politie)
const sem = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a08'; // Fatima's colleague at the same wijkteam

type Card = Record<string, unknown>;
/** The decision buttons a card shows its viewer. */
function buttons(card: Card): string[] {
  const found: string[] = [];
  walk(card, (node) => {
    if (node.type === 'Action.Execute' && node.verb === 'casus.decide') {
      found.push(String((node.data as { action?: unknown } | undefined)?.action));
    }
  });
  return found;
}

describe('bot over HTTP: decisions and escalation (Lokale Kamer → ZVH)', () => {
  let bot: BotHarness;
  let fatima: Conversation;
  let jeroen: Conversation;
  let zvh: Conversation;
  before(async () => {
    bot = await startBotHarness();
    fatima = talkAs(bot, demoUsers.fatima);
    jeroen = talkAs(bot, demoUsers.jeroen);
    zvh = talkAs(bot, anouk);
    // Every decision maker has talked to the bot once, so it can reach them proactively.
    for (const who of [jeroen, zvh, talkAs(bot, mohamed)]) await who.say('help');
  });
  after(async () => {
    await bot.stop();
  });

  /** Cards the bot sent proactively into one user's personal chat since `from`. */
  const sentTo = (aadObjectId: string, from: number) =>
    cardsSentTo(bot.connector, aadObjectId, from).map(cardText);
  const waitForSent = (aadObjectId: string, from: number, pattern: RegExp) =>
    waitForCardTo(bot.connector, aadObjectId, from, pattern);

  it('tells the Lokale Kamer of a new casus, and lets its procesregisseur accept it', async () => {
    const mark = bot.connector.sent.length;
    const number = await submitCasus(fatima);
    await waitForSent(
      demoUsers.jeroen,
      mark,
      new RegExp(`Casus ${number}[\\s\\S]*Aangemeld[\\s\\S]*Beslis over de aanmelding`),
    );

    const card = await jeroen.say(`casus ${number}`);
    assert.deepEqual(buttons(card).sort(), ['accepteren', 'afwijzen', 'informatie-vragen']);
    const accepted = await press(jeroen, card, 'accepteren');
    const text = cardText(accepted);
    assert.match(text, /In behandeling · Lokale Kamer Rotterdam/);
    assert.match(
      text,
      /Geaccepteerd door de Lokale Kamer[\s\S]*Jeroen de Vries, Gemeente Rotterdam \(procesregisseur, Lokale Kamer Rotterdam, namens de overheidsdeelnemers/,
    );
    assert.deepEqual(buttons(accepted).sort(), ['afsluiten', 'opschalen']);
    await waitForSent(
      demoUsers.fatima,
      mark,
      /\*\*Geaccepteerd door de Lokale Kamer\*\*\ndoor Jeroen de Vries \(procesregisseur, Lokale Kamer Rotterdam\)/,
    );

    // The card Jeroen got in his chat about the new casus now shows the decision too.
    const jeroensCopies = () =>
      bot.connector.updated.filter((u) => u.conversationId === `a:${demoUsers.jeroen}`);
    for (let i = 0; i < 50 && jeroensCopies().length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const copy = jeroensCopies().at(-1);
    assert.ok(copy, 'the earlier card in his chat was updated in place');
    assert.match(
      cardText(cardOf(copy)),
      new RegExp(`Casus ${number}[\\s\\S]*In behandeling · Lokale Kamer Rotterdam`),
    );
  });

  it('escalates to the ZVH, which accepts, de-escalates, and the Lokale Kamer closes', async () => {
    const number = await submitCasus(fatima);
    let card = await press(jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
    assert.match(
      cardText(await zvh.say(`casus ${number}`)),
      /Casus niet gevonden/,
      'the ZVH sees nothing before an escalation',
    );

    const mark = bot.connector.sent.length;
    card = await press(
      jeroen,
      card,
      'opschalen',
      'Een doorbraak is nodig: de woningcorporatie en de GGZ komen er samen niet uit.',
    );
    assert.match(
      cardText(card),
      /Opschaling aangevraagd · Zorg- en Veiligheidshuis Rotterdam-Rijnmond/,
    );
    assert.deepEqual(buttons(card), [], 'the Lokale Kamer waits for the ZVH');
    await waitForSent(
      anouk,
      mark,
      new RegExp(
        `Casus ${number}[\\s\\S]*Beslis of het Zorg- en Veiligheidshuis de casus overneemt`,
      ),
    );

    let zvhCard = await zvh.say(`casus ${number}`);
    assert.deepEqual(buttons(zvhCard).sort(), ['opschaling-accepteren', 'opschaling-weigeren']);
    zvhCard = await press(zvh, zvhCard, 'opschaling-accepteren');
    assert.match(cardText(zvhCard), /In behandeling · Zorg- en Veiligheidshuis Rotterdam-Rijnmond/);
    assert.deepEqual(buttons(zvhCard).sort(), ['afschalen', 'afsluiten']);
    zvhCard = await press(zvh, zvhCard, 'afschalen');
    assert.match(cardText(zvhCard), /In behandeling · Lokale Kamer Rotterdam/);

    const closed = await press(jeroen, await jeroen.say(`casus ${number}`), 'afsluiten');
    assert.match(cardText(closed), /Afgesloten · Lokale Kamer Rotterdam[\s\S]*niet meer open/);
    assert.match(cardText(closed), /Reden: Plan van aanpak uitgevoerd/);
    assert.deepEqual(buttons(closed), []);
  });

  it('keeps one current card per casus in a chat: an older copy points to the newer one', async () => {
    const mark = bot.connector.sent.length;
    const number = await submitCasus(fatima);
    const accepted = await press(jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
    await waitForSent(demoUsers.fatima, mark, /\*\*Geaccepteerd door de Lokale Kamer\*\*/);
    // The connector answers a send with `sent-<position>`.
    const told = bot.connector.sent.findIndex(
      (sent, i) =>
        i >= mark &&
        sent.conversationId === `a:${demoUsers.fatima}` &&
        /\*\*Geaccepteerd door de Lokale Kamer\*\*/.test(cardText(cardOf(sent))),
    );
    const firstCopy = `sent-${told + 1}`;

    await press(jeroen, accepted, 'afsluiten');
    await waitForSent(demoUsers.fatima, mark, /\*\*Afgesloten\*\*[\s\S]*niet meer open/);
    const replacedText = () => {
      const update = bot.connector.updated.filter((u) => u.replyToId === firstCopy).at(-1);
      return update ? cardText(cardOf(update)) : '';
    };
    for (let i = 0; i < 50 && !/vervangen/.test(replacedText()); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const text = replacedText();
    assert.match(
      text,
      new RegExp(
        `Casus ${number}\\nGeaccepteerd door de Lokale Kamer op .+ om \\d+:\\d+\\.\\n.*vervangen door een nieuwer bericht`,
      ),
      'the old copy keeps one line of what it said',
    );
    assert.doesNotMatch(text, /Afgesloten|Jan/, 'and repeats nothing else of the casus');
    assert.match(text, /Open casus/, 'and still opens the casus with a button');
    const update = bot.connector.updated.filter((u) => u.replyToId === firstCopy).at(-1);
    const open = (cardOf(update) as { actions?: { data: { verb: string; casusId: string } }[] })
      .actions?.[0]?.data;
    assert.equal(open?.verb, 'casus.open');
    assert.match(
      cardText(await fatima.execute('casus.open', { casusId: open.casusId })),
      /Afgesloten · Lokale Kamer Rotterdam/,
    );
    const newest = sentTo(demoUsers.fatima, mark).at(-1) ?? '';
    assert.match(newest, new RegExp(`Casus ${number}[\\s\\S]*\\*\\*Afgesloten\\*\\*`));
  });

  it('sends one card with the latest news when several notifications wait for the same person', async () => {
    const number = await submitCasus(fatima);
    const accepted = await press(jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
    // Fatima's chat fails for now meanwhile (503), so those notifications stay pending for her.
    bot.connector.unavailable.add(`a:${demoUsers.fatima}`);
    await press(jeroen, accepted, 'opschalen', because('Opschalen'));
    // Until that delivery has failed and recorded it: the connector client retries a 503 itself.
    const tried = async () => {
      const { resources } = await bot
        .store()
        .casussen.items.query<Casus>({
          query: 'SELECT * FROM c WHERE c.casusNumber = @number',
          parameters: [{ name: '@number', value: number }],
        })
        .fetchAll();
      const escalation = resources[0]?.outbox.find((entry) => entry.kind === 'besluit:opschalen');
      return escalation?.attempts === 1;
    };
    for (let waited = 0; !(await tried()); waited += 100) {
      assert.ok(waited < 10_000, 'the failed delivery is recorded');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    bot.connector.unavailable.clear();

    const mark = bot.connector.sent.length;
    const card = await press(zvh, await zvh.say(`casus ${number}`), 'opschaling-accepteren');
    assert.match(cardText(card), /In behandeling · Zorg- en Veiligheidshuis/);
    await waitForSent(demoUsers.fatima, mark, /\*\*Opschaling geaccepteerd/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const told = sentTo(demoUsers.fatima, mark).filter((text) => text.includes(`Casus ${number}`));
    assert.equal(told.length, 1, told.join('\n---\n'));
    assert.match(told[0]!, /\*\*Opschaling geaccepteerd door het Zorg- en Veiligheidshuis\*\*/);
    assert.doesNotMatch(told[0]!, /Opschaling naar het Zorg/, 'the latest news, not the timeline');
  });

  it('lets the ZVH refuse an escalation, which returns the casus to the Lokale Kamer', async () => {
    const number = await submitCasus(fatima);
    const accepted = await press(jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
    await press(
      jeroen,
      accepted,
      'opschalen',
      'Een doorbraak is nodig: de hulpverlening zit muurvast.',
    );
    const refused = await press(zvh, await zvh.say(`casus ${number}`), 'opschaling-weigeren');
    assert.match(
      cardText(refused),
      /In behandeling · Lokale Kamer Rotterdam[\s\S]*Opschaling geweigerd/,
    );
  });

  it('rejects a casus, and tells the worker', async () => {
    const mark = bot.connector.sent.length;
    const number = await submitCasus(fatima);
    const rejected = await press(
      talkAs(bot, mohamed),
      await talkAs(bot, mohamed).say(`casus ${number}`),
      'afwijzen',
    );
    assert.match(
      cardText(rejected),
      /Afgewezen[\s\S]*Mohamed Yilmaz, Politie eenheid Rotterdam \(lid van de weegtafel, Lokale Kamer Rotterdam/,
    );
    await waitForSent(
      demoUsers.fatima,
      mark,
      /\*\*Afgewezen\*\*\ndoor Mohamed Yilmaz \(lid van de weegtafel, Lokale Kamer Rotterdam\)/,
    );
  });

  it('asks the worker for information and takes the answer back to aangemeld', async () => {
    const mark = bot.connector.sent.length;
    const number = await submitCasus(fatima);
    await press(
      jeroen,
      await jeroen.say(`casus ${number}`),
      'informatie-vragen',
      'Is er al contact geweest met de schuldhulpverlening?',
    );
    await waitForSent(demoUsers.fatima, mark, /Aanvulling gevraagd[\s\S]*schuldhulpverlening/);

    const worker = await fatima.say(`casus ${number}`);
    assert.ok(hasAction(worker, 'casus.decide'));
    assert.match(cardText(worker), /Aanvulling gevraagd[\s\S]*Is er al contact/);
    const answered = await press(
      fatima,
      worker,
      'aanvullen',
      'Ja, sinds oktober loopt een traject bij de Kredietbank.',
    );
    assert.match(cardText(answered), /Aangemeld[\s\S]*Aanvulling gegeven/);
    assert.deepEqual(buttons(await jeroen.say(`casus ${number}`)).sort(), [
      'accepteren',
      'afwijzen',
      'informatie-vragen',
    ]);
  });

  it('refuses a stale card, a wrong role, a missing motivation and a forged action, changing nothing', async () => {
    const number = await submitCasus(fatima);
    const card = await jeroen.say(`casus ${number}`);
    await press(jeroen, card, 'accepteren');

    const stale = cardText(await press(talkAs(bot, mohamed), card, 'afwijzen'));
    assert.match(stale, /De casus is intussen gewijzigd[\s\S]*niets gewijzigd/);
    assert.match(stale, /In behandeling · Lokale Kamer Rotterdam/, 'with the current card');

    const fresh = await jeroen.say(`casus ${number}`);
    assert.match(
      cardText(await press(jeroen, fresh, 'afsluiten', 'kort')),
      /minstens 30 tekens[\s\S]*niets gewijzigd/,
    );

    const colleague = talkAs(bot, sem);
    const seen = await colleague.say(`casus ${number}`);
    assert.deepEqual(
      buttons(seen),
      [],
      'a colleague of the worker sees the casus, without buttons',
    );
    assert.match(
      cardText(await press(colleague, fresh, 'afsluiten')),
      /niet aan jou[\s\S]*niets gewijzigd/,
    );
    assert.match(
      cardText(await press(jeroen, fresh, 'opschaling-accepteren')),
      /niet mogelijk[\s\S]*niets gewijzigd/,
    );

    assert.match(
      cardText(await jeroen.say(`casus ${number}`)),
      /In behandeling · Lokale Kamer Rotterdam/,
    );
    assert.match(
      cardText(await talkAs(bot, demoUsers.unknown).say(`casus ${number}`)),
      /Geen toegang/,
    );
  });

  it("lists the kamer's open casussen for its decision makers, in priority order with reasons", async () => {
    const urgent = await submitCasus(fatima, {
      betrokkene: { urgentie: 'zeer-hoog' },
      'criterium-4': { doorbraakNodig: 'true' },
    });
    const normal = await submitCasus(fatima, { betrokkene: { urgentie: 'normaal' } });
    const text = cardText(await jeroen.say('casuslijst'));
    assert.match(text, /Lokale Kamer Rotterdam/);
    assert.match(text, /urgentie zeer hoog \(\+40\), doorbraak nodig \(\+15\)/);
    assert.ok(text.indexOf(urgent) < text.indexOf(normal), 'the urgent casus comes first');
    assert.match(cardText(await fatima.say('casuslijst')), /Alleen voor besluitvormers/);
  });
});
