import assert from 'node:assert/strict';
import { walk } from '../helpers/adaptive-card-check';
import { demoUsers } from '../helpers/activities';
import {
  startBotHarness,
  talkAs,
  type BotHarness,
  type Conversation,
} from '../helpers/bot-harness';
import { cardOf, cardText, type SentActivity } from '../helpers/fake-connector';
import { press as pressDecision } from '../helpers/decision-press';
import { submitCasus } from '../helpers/intake-flow';
import { validStepValues } from '../helpers/intake-values';
import { registryChangeSeen, SHORT_REGISTRY_BOUND } from '../helpers/registry-bound';
import { addRegistryPersons, extraPersons } from '../helpers/registry-actors';

type Card = Record<string, unknown>;

const betrokkene = validStepValues.betrokkene.naam;
const because = (what: string) => `${what}, zo besproken in het casusoverleg van deze week.`;
const seeded = {
  fatima: demoUsers.fatima, // the submitting worker
  sem: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a08', // her colleague at the same wijkteam
  pieter: demoUsers.pieter, // same wijkteam, no VOG or screening
  jeroen: demoUsers.jeroen, // procesregisseur, Lokale Kamer Rotterdam (gemeente)
  mohamed: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04', // weegtafellid, Lokale Kamer Rotterdam (Politie)
  anouk: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03', // procesregisseur, ZVH
  sanne: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a05', // functioneel beheerder
};

const everyone: Record<string, string> = {
  ...seeded,
  ...Object.fromEntries(Object.entries(extraPersons).map(([key, p]) => [key, p.id])),
};
const nameOf = (personId: string) =>
  Object.entries(everyone).find(([, value]) => value === personId)?.[0] ?? personId;

/** The refresh userIds of a card, if it has a refresh. */
function refreshUserIds(card: Card): string[] | undefined {
  const refresh = card.refresh as { userIds?: string[] } | undefined;
  return refresh?.userIds;
}

/** Whether a card shows casus content (the betrokkene, the timeline), not a neutral notice. */
function showsCasus(card: Card): boolean {
  let refreshes = false;
  walk(card, (node) => {
    if (node.type === 'Action.Execute' && node.verb === 'casus.refresh') refreshes = true;
    // A notification's "Open casus" (an Action.Submit) is casus content too.
    const data = node.data as { verb?: unknown } | undefined;
    if (node.type === 'Action.Submit' && data?.verb === 'casus.open') refreshes = true;
  });
  return refreshes || cardText(card).includes(betrokkene);
}

const personOf = (sent: SentActivity) => sent.conversationId.replace(/^a:/, '');

describe('bot over HTTP: who receives a casus (the same check as "casus <nummer>")', () => {
  let bot: BotHarness;
  const as = (personId: string): Conversation => talkAs(bot, personId);

  before(async () => {
    bot = await startBotHarness(SHORT_REGISTRY_BOUND);
    await addRegistryPersons(bot, Object.values(extraPersons));
    // Everyone has talked to the bot once (refused or not), so a reference to their chat is kept.
    for (const personId of Object.values(everyone)) await as(personId).say('help');
  });
  after(async () => {
    await bot.stop();
  });

  /** Waits until the casus's outbox is delivered (every entry marked sent). */
  async function delivered(casusNumber: string): Promise<void> {
    const { casussen } = bot.store();
    for (let i = 0; i < 100; i++) {
      const { resources } = await casussen.items
        .query<{ outbox: { sentAt?: string }[] }>({
          query: 'SELECT * FROM c WHERE c.casusNumber = @n',
          parameters: [{ name: '@n', value: casusNumber }],
        })
        .fetchAll();
      if (resources[0] && resources[0].outbox.every((entry) => entry.sentAt)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail(`The outbox of ${casusNumber} was not delivered`);
  }

  /** Who may see the casus now, asked as each of them: "casus <nummer>". */
  async function viewersOf(casusNumber: string): Promise<{ ids: Set<string>; cards: Card[] }> {
    const ids = new Set<string>();
    const cards: Card[] = [];
    for (const personId of Object.values(everyone)) {
      const card = await as(personId).say(`casus ${casusNumber}`);
      if (showsCasus(card)) {
        ids.add(personId);
        cards.push(card);
      }
    }
    return { ids, cards };
  }

  /**
   * Runs one step, waits for its notifications, and checks every card the connector received
   * meanwhile (sent or updated) and every refresh list against who may see the casus now.
   */
  async function step(
    numberOf: () => string,
    what: string,
    act: () => Promise<Card | undefined>,
  ): Promise<{ viewers: Set<string>; sent: SentActivity[]; updated: SentActivity[] }> {
    const sentMark = bot.connector.sent.length;
    const updatedMark = bot.connector.updated.length;
    const answer = await act();
    const casusNumber = numberOf(); // known after the act for an aanmelding
    await delivered(casusNumber);
    // Everything sent meanwhile: notifications, and the replies in the actor's own chat.
    const sent = bot.connector.sent.slice(sentMark);
    const updated = bot.connector.updated.slice(updatedMark);
    const viewers = await viewersOf(casusNumber);
    for (const delivery of [...sent, ...updated]) {
      const card = cardOf(delivery);
      if (showsCasus(card)) {
        assert.ok(
          viewers.ids.has(personOf(delivery)),
          `${what}: ${nameOf(personOf(delivery))} got casus content but may not see it`,
        );
      }
    }
    const checked = [...sent, ...updated].map(cardOf).concat(viewers.cards);
    if (answer) checked.push(answer);
    for (const card of checked) {
      for (const userId of refreshUserIds(card) ?? []) {
        assert.ok(
          viewers.ids.has(userId),
          `${what}: refresh list holds ${nameOf(userId)}, who may not see the casus`,
        );
      }
    }
    return { viewers: viewers.ids, sent, updated };
  }

  const sentTo = (deliveries: SentActivity[], personId: string) =>
    deliveries.filter((d) => personOf(d) === personId);

  async function press(who: string, casusNumber: string, action: string): Promise<Card> {
    const card = await as(who).say(`casus ${casusNumber}`);
    return pressDecision(as(who), card, action, because(action));
  }

  it('sends every notification of a casus, escalated and back, only to those who may see it', async () => {
    let number = '';
    const aanmelding = await step(
      () => number,
      'aanmelding',
      async () => {
        number = await submitCasus(as(seeded.fatima));
        return undefined;
      },
    );
    assert.deepEqual(
      [...aanmelding.viewers].map(nameOf).sort(),
      ['fatima', 'jeroen', 'leaving', 'mohamed', 'sem'],
      'who may see a new aanmelding',
    );
    assert.ok(sentTo(aanmelding.sent, seeded.jeroen).length > 0, 'the procesregisseur is told');
    assert.ok(sentTo(aanmelding.sent, seeded.mohamed).length > 0, 'the weegtafellid is told');

    const steps: [string, string][] = [
      [seeded.jeroen, 'informatie-vragen'],
      [seeded.fatima, 'aanvullen'],
      [seeded.jeroen, 'accepteren'],
      [seeded.jeroen, 'opschalen'],
      [seeded.anouk, 'opschaling-weigeren'],
      [seeded.mohamed, 'opschalen'],
      [seeded.anouk, 'opschaling-accepteren'],
      [seeded.anouk, 'afschalen'],
      [seeded.jeroen, 'afsluiten'],
    ];
    for (const [who, action] of steps) {
      const { viewers, sent } = await step(
        () => number,
        action,
        () => press(who, number, action),
      );
      if (action === 'aanvullen') {
        // Her own chat holds the replies to what she typed, but no notification card.
        const notified = sentTo(sent, seeded.fatima).filter((d) =>
          JSON.stringify(cardOf(d).actions ?? []).includes('"Open casus"'),
        );
        assert.deepEqual(notified, [], 'nobody is told of their own action');
      } else {
        assert.ok(sentTo(sent, seeded.fatima).length > 0, `${action}: the worker is told`);
      }
      if (action === 'opschalen') {
        assert.ok(viewers.has(seeded.anouk), 'the ZVH sees the casus once escalation is asked');
        assert.ok(sentTo(sent, seeded.anouk).length > 0, 'the ZVH procesregisseur is told');
      }
      if (['aanvullen', 'opschaling-weigeren', 'afschalen'].includes(action)) {
        assert.ok(sentTo(sent, seeded.jeroen).length > 0, `${action}: the Lokale Kamer is told`);
      }
    }
  });

  it('tells of a rejection, by the weegtafel, only those who may see the casus', async () => {
    let number = '';
    await step(
      () => number,
      'aanmelding',
      async () => {
        number = await submitCasus(as(seeded.fatima));
        return undefined;
      },
    );
    const { sent } = await step(
      () => number,
      'afwijzen',
      () => press(seeded.mohamed, number, 'afwijzen'),
    );
    assert.ok(sentTo(sent, seeded.fatima).length > 0, 'the worker is told');
  });

  it('replaces the copy of someone who may no longer see the casus with a neutral card, once', async () => {
    const leaving = extraPersons.leaving;
    const sentMark = bot.connector.sent.length;
    const number = await submitCasus(as(seeded.fatima));
    await delivered(number);
    const told = bot.connector.sent
      .map((sent, i) => ({ sent, activityId: `sent-${i + 1}` }))
      .slice(sentMark)
      .find(({ sent }) => personOf(sent) === leaving.id && showsCasus(cardOf(sent)));
    assert.ok(told, 'she was told of the aanmelding while she was a procesregisseur');

    // Her role at the kamer ends (she keeps another one, so she still uses the bot).
    await bot
      .store()
      .registry.items.upsert({ ...leaving, roles: [{ role: 'functioneel-beheerder' }] });
    await registryChangeSeen();
    assert.match(cardText(await as(leaving.id).say(`casus ${number}`)), /Casus niet gevonden/);

    const copiesOf = (activityId: string) =>
      bot.connector.updated.filter((u) => u.replyToId === activityId);
    const updatedMark = bot.connector.updated.length;
    await step(
      () => number,
      'accepteren',
      () => press(seeded.jeroen, number, 'accepteren'),
    );
    const replaced = copiesOf(told.activityId).filter(
      (u) => bot.connector.updated.indexOf(u) >= updatedMark,
    );
    assert.equal(replaced.length, 1, 'her copy was replaced');
    const text = cardText(cardOf(replaced[0]));
    assert.doesNotMatch(text, new RegExp(betrokkene));
    assert.doesNotMatch(text, /Geaccepteerd|In behandeling|Aangemeld/);
    assert.equal(refreshUserIds(cardOf(replaced[0])), undefined, 'no refresh on the neutral card');

    // No longer tracked: the next change leaves her chat alone.
    await step(
      () => number,
      'afsluiten',
      () => press(seeded.jeroen, number, 'afsluiten'),
    );
    assert.equal(copiesOf(told.activityId).length, 1);
  });
});
