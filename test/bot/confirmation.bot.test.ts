import assert from 'node:assert/strict';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { demoUsers } from '../helpers/activities';
import {
  startBotHarness,
  talkAs,
  type BotHarness,
  type Conversation,
} from '../helpers/bot-harness';
import { actionData, hasAction, inputValue } from '../helpers/card-actions';
import { walk } from '../helpers/adaptive-card-check';
import { because, confirmOn, press, pressOnce } from '../helpers/decision-press';
import { cardOf, cardText } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';

const anouk = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03'; // procesregisseur of the ZVH
const sem = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a08'; // Fatima's colleague at the same wijkteam

type Card = Record<string, unknown>;
const closing = 'Het plan van aanpak is uitgevoerd; alle partners zijn het daarover eens.';

/** The labelled text inputs of a card, by id. */
function textInputs(card: Card): Map<string, string> {
  const found = new Map<string, string>();
  walk(card, (node) => {
    if (node.type === 'Input.Text') found.set(String(node.id), String(node.label));
  });
  return found;
}

/** The data of the Action.Execute with this title. */
function buttonData(card: Card, title: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  walk(card, (node) => {
    if (node.type === 'Action.Execute' && node.title === title) found ??= node.data as never;
  });
  assert.ok(found, `a button "${title}"`);
  return found;
}

describe('bot over HTTP: irreversible decisions are confirmed in a second press', () => {
  let bot: BotHarness;
  let fatima: Conversation;
  let jeroen: Conversation;
  let zvh: Conversation;
  before(async () => {
    bot = await startBotHarness();
    fatima = talkAs(bot, demoUsers.fatima);
    jeroen = talkAs(bot, demoUsers.jeroen);
    zvh = talkAs(bot, anouk);
    for (const who of [fatima, jeroen, zvh]) await who.say('help');
  });
  after(async () => {
    await bot.stop();
  });

  /** The stored document, etag included: equal before and after means nothing was written. */
  const stored = async (id: string) => {
    const { resource } = await bot.store().casussen.item(id, id).read<Casus & { _etag: string }>();
    assert.ok(resource);
    return resource;
  };

  async function acceptedCasus(): Promise<{ number: string; casusId: string; card: Card }> {
    const number = await submitCasus(fatima);
    const card = await press(jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
    // The notifier writes the casus too (its claim, then "sent"): wait until it is done.
    const casusId = String(actionData(card, 'casus.decide').casusId);
    for (let i = 0; i < 50 && (await stored(casusId)).outbox.length > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    return { number, casusId, card: await jeroen.say(`casus ${number}`) };
  }

  it('gives opschalen and afsluiten each their own labelled motivation, and afsluiten a reason', async () => {
    const { card } = await acceptedCasus();
    assert.deepEqual(
      [...textInputs(card)],
      [
        ['motivationOpschalen', 'Motivering voor opschalen: waarom is een doorbraak nodig?'],
        ['motivationAfsluiten', 'Motivering voor afsluiten'],
      ],
    );
    const reasons: string[] = [];
    walk(card, (node) => {
      if (node.type === 'Input.ChoiceSet' && node.id === 'closeReason')
        for (const choice of node.choices as { title: string }[]) reasons.push(choice.title);
    });
    assert.deepEqual(reasons, [
      'Plan van aanpak uitgevoerd',
      'Geen grondslag meer',
      'Betrokkene verhuisd of overleden',
      'Overgedragen',
      'Anders',
    ]);
    // Only the motivation of the pressed decision counts: the other form's text is not used.
    const { casusId, revision } = actionData(card, 'casus.decide');
    const answer = await jeroen.execute('casus.decide', {
      casusId,
      revision,
      action: 'afsluiten',
      closeReason: 'anders',
      motivationOpschalen: closing,
      motivationAfsluiten: '',
    });
    assert.match(cardText(answer), /minstens 30 tekens[\s\S]*niets gewijzigd/);
  });

  it('shows what afsluiten will do on the first press and changes nothing; the second press closes', async () => {
    const { casusId, card } = await acceptedCasus();
    const before = await stored(casusId);
    const asked = await pressOnce(jeroen, card, 'afsluiten', closing);
    const text = cardText(asked);
    assert.match(
      text,
      /Weet je het zeker\? De casus wordt afgesloten; dit kan niet ongedaan worden\./,
    );
    assert.match(text, /Reden: Plan van aanpak uitgevoerd/);
    assert.ok(text.includes(closing), 'the motivation is shown');
    assert.ok(!hasAction(asked, 'casus.decide'), 'only the confirmation is offered');
    assert.deepEqual(await stored(casusId), before, 'the first press wrote nothing');

    // "Terug" brings the form back with what was typed.
    const back = await jeroen.execute('casus.refresh', {
      ...buttonData(asked, 'Terug, niet besluiten'),
      motivation: inputValue(asked, 'motivation'),
    });
    assert.equal(inputValue(back, 'motivationAfsluiten'), closing);
    assert.equal(inputValue(back, 'closeReason'), 'plan-uitgevoerd');
    assert.deepEqual(await stored(casusId), before);

    const closed = await confirmOn(jeroen, asked);
    assert.match(
      cardText(closed),
      /Afgesloten · Lokale Kamer[\s\S]*Besluit vastgelegd: Afgesloten/,
    );
    const after = await stored(casusId);
    assert.equal(after.state, 'afgesloten');
    assert.equal(after.revision, before.revision + 1);
    const line = after.audit.at(-1);
    assert.equal(line?.closeReason, 'plan-uitgevoerd');
    assert.equal(line?.motivation, closing);
    assert.equal(line?.actor.kamerId, 'lk-rotterdam');
  });

  it('asks to confirm afwijzen and opschalen too, saying where the casus goes', async () => {
    const number = await submitCasus(fatima);
    const asked = cardText(
      await pressOnce(jeroen, await jeroen.say(`casus ${number}`), 'afwijzen'),
    );
    assert.match(
      asked,
      /Weet je het zeker\? De aanmelding wordt afgewezen; dit kan niet ongedaan worden/,
    );
    assert.match(cardText(await jeroen.say(`casus ${number}`)), /Aangemeld · Lokale Kamer/);

    const { number: acceptedNumber, card } = await acceptedCasus();
    assert.match(
      cardText(await pressOnce(jeroen, card, 'opschalen')),
      /Weet je het zeker\? De casus gaat naar het Zorg- en Veiligheidshuis Rotterdam-Rijnmond/,
    );

    // Refusing an escalation hands the casus back to the Lokale Kamer: confirmed as well.
    await press(jeroen, card, 'opschalen');
    const escalated = await zvh.say(`casus ${acceptedNumber}`);
    const refusing = await pressOnce(zvh, escalated, 'opschaling-weigeren');
    assert.match(
      cardText(refusing),
      /Weet je het zeker\? De casus blijft bij de Lokale Kamer Rotterdam; het Zorg- en Veiligheidshuis Rotterdam-Rijnmond neemt hem niet over/,
    );
    assert.match(cardText(await zvh.say(`casus ${acceptedNumber}`)), /Opschaling aangevraagd/);
    assert.match(
      cardText(await confirmOn(zvh, refusing)),
      /In behandeling · Lokale Kamer Rotterdam/,
    );
  });

  it('checks a forged confirmation without a first press in full, changing nothing', async () => {
    const { casusId, card } = await acceptedCasus();
    const { revision } = actionData(card, 'casus.decide');
    const before = await stored(casusId);
    const confirm = (as: Conversation, data: object) =>
      as.execute('casus.confirm', {
        casusId,
        revision,
        action: 'afsluiten',
        motivation: closing,
        closeReason: 'anders',
        ...data,
      });
    const cases: [Conversation, object, RegExp][] = [
      [talkAs(bot, sem), {}, /niet aan jou[\s\S]*niets gewijzigd/],
      [fatima, {}, /niet aan jou[\s\S]*niets gewijzigd/],
      [
        jeroen,
        { revision: Number(revision) - 1 },
        /De casus is intussen gewijzigd[\s\S]*niets gewijzigd/,
      ],
      [jeroen, { revision: Number(revision) + 5 }, /De casus is intussen gewijzigd/],
      [jeroen, { motivation: 'kort' }, /minstens 30 tekens[\s\S]*niets gewijzigd/],
      [jeroen, { motivation: '€'.repeat(2001) }, /korter dan 2000 tekens[\s\S]*niets gewijzigd/],
      [jeroen, { closeReason: '' }, /Kies de reden van afsluiten[\s\S]*niets gewijzigd/],
      [jeroen, { action: 'opschalen' }, /niet mogelijk[\s\S]*niets gewijzigd/],
      [jeroen, { action: 'afwijzen' }, /niet mogelijk[\s\S]*niets gewijzigd/],
    ];
    for (const [as, data, expected] of cases) {
      const text = cardText(await confirm(as, data));
      assert.match(text, expected, JSON.stringify(data));
      assert.doesNotMatch(text, /Al besloten/);
    }
    assert.deepEqual(await stored(casusId), before);
  });

  it('tells a stale card "De casus is intussen gewijzigd", not who acted last', async () => {
    const number = await submitCasus(fatima);
    const card = await jeroen.say(`casus ${number}`);
    await press(
      jeroen,
      card,
      'informatie-vragen',
      'Is er al contact geweest met de schuldhulpverlening?',
    );
    await press(fatima, await fatima.say(`casus ${number}`), 'aanvullen', because('Aanvulling'));
    // Jeroen's old card still shows the buttons of the aanmelding; the worker answered meanwhile.
    const text = cardText(await press(jeroen, card, 'accepteren'));
    assert.match(text, /De casus is intussen gewijzigd \(laatste stap: Aanvulling gegeven/);
    assert.doesNotMatch(text, /Al besloten|door Fatima/);
    assert.match(text, /Aangemeld · Lokale Kamer Rotterdam/, 'with the current card');
  });

  it('names the kamer on audit lines, and the ZVH in the header of a casus it closed', async () => {
    const { number, card } = await acceptedCasus();
    await press(jeroen, card, 'opschalen', 'Een doorbraak is nodig: de hulpverlening zit vast.');
    const taken = await press(zvh, await zvh.say(`casus ${number}`), 'opschaling-accepteren');
    const closed = cardText(await press(zvh, taken, 'afsluiten', closing));
    assert.match(closed, /Afgesloten · Zorg- en Veiligheidshuis Rotterdam-Rijnmond/);
    assert.match(
      closed,
      /Anouk Bakker, [^(]+\(procesregisseur, Zorg- en Veiligheidshuis Rotterdam-Rijnmond, namens de overheidsdeelnemers/,
    );
    assert.match(closed, /Reden: Plan van aanpak uitgevoerd/);
    assert.match(
      cardText(await fatima.say(`casus ${number}`)),
      /Afgesloten · Zorg- en Veiligheidshuis Rotterdam-Rijnmond/,
    );
  });

  it('does not notify anyone of their own action; the worker keeps her confirmation', async () => {
    const number = await submitCasus(fatima);
    await press(jeroen, await jeroen.say(`casus ${number}`), 'informatie-vragen', because('Vraag'));
    const worker = await fatima.say(`casus ${number}`);
    // The notification of the question to Fatima is delivered first: what follows is only hers.
    const casusId = String(actionData(worker, 'casus.decide').casusId);
    for (let i = 0; i < 50 && (await stored(casusId)).outbox.length > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const mark = bot.connector.sent.length;
    const answered = await press(fatima, worker, 'aanvullen', because('Aanvulling'));
    assert.match(cardText(answered), /Besluit vastgelegd: Aanvulling gegeven/);
    // Notification cards (with "Open casus"), not the replies to what someone typed.
    const proactive = (from: number, who: string) =>
      bot.connector.sent
        .slice(from)
        .filter(
          (sent) =>
            sent.conversationId === `a:${who}` &&
            JSON.stringify(cardOf(sent).actions ?? []).includes('"Open casus"'),
        );
    const told = (who: string) => proactive(mark, who).map((sent) => cardText(cardOf(sent)));
    for (let i = 0; i < 50 && told(demoUsers.jeroen).length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.match(
      told(demoUsers.jeroen).join('\n'),
      /\*\*Aanvulling gegeven\*\*\ndoor Fatima El Amrani/,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(told(demoUsers.fatima), [], 'no notification of her own aanvulling');

    const mark2 = bot.connector.sent.length;
    await press(jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
    for (let i = 0; i < 50 && proactive(mark2, demoUsers.fatima).length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(
      proactive(mark2, demoUsers.jeroen),
      [],
      'the decider is not sent his own decision',
    );
  });
});
