import assert from 'node:assert/strict';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { demoUsers, executeActivity } from '../helpers/activities';
import { talkAs, type Conversation } from '../helpers/bot-harness';
import { actionData } from '../helpers/card-actions';
import { cardText } from '../helpers/fake-connector';
import { startBotProcess, type BotProcess } from '../helpers/bot-process';
import { next, ref, submitCasus, walkToSummary } from '../helpers/intake-flow';
import { isDocumentWrite } from '../helpers/store-proxy';
import { validStepValues } from '../helpers/intake-values';

type Card = Record<string, unknown>;
const NOTHING_CHANGED = /niets gewijzigd/i;
const mohamed = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04'; // weegtafellid of the same Lokale Kamer
const motivation = 'Besproken in het casusoverleg; de criteria zijn getoetst en voldoen.';

describe('bot over HTTP: a store that hangs, refuses, or loses the answer to a write', function () {
  this.timeout(120_000);
  let bot: BotProcess;
  let fatima: Conversation;
  let jeroen: Conversation;

  before(async () => {
    bot = await startBotProcess();
    fatima = talkAs(bot, demoUsers.fatima);
    jeroen = talkAs(bot, demoUsers.jeroen);
    await jeroen.say('help');
  });
  after(async () => {
    await bot.stop();
  });
  afterEach(() => {
    const armed = bot.proxy.armed;
    bot.proxy.clearRules();
    assert.equal(armed, 0, 'every fault the test armed happened');
    bot.proxy.mode = 'pass';
    bot.proxy.dropConnections();
    assert.equal(bot.app.child.exitCode, null, 'the bot process is still running');
  });

  const stored = async (id: string): Promise<Casus | undefined> =>
    (await bot.store().casussen.item(id, id).read<Casus>()).resource;

  /**
   * Waits until the notifications of a casus are delivered: the notifier writes the casus too
   * (its claim, then "sent"), and a rule on the next write must catch the turn's, not those.
   */
  async function deliveredAll(casusId: string): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const casus = await stored(casusId);
      if (casus && !casus.deliveryLease && casus.outbox.every((entry) => entry.sentAt)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail(`the notifications of ${casusId} were not delivered`);
  }

  async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
    const started = Date.now();
    const value = await work();
    return { value, ms: Date.now() - started };
  }

  for (const mode of ['blackhole', 'refuse'] as const) {
    it(`answers "probeer het later opnieuw" within 4 s when the store ${mode === 'blackhole' ? 'accepts connections and never answers' : 'refuses connections'}, and /healthz 503 within 2 s`, async () => {
      const number = await submitCasus(fatima);
      const card = await jeroen.say(`casus ${number}`);
      bot.proxy.mode = mode;
      bot.proxy.dropConnections();

      const said = await timed(() => fatima.say('mijn casussen'));
      assert.match(cardText(said.value), /Probeer het later opnieuw/);
      assert.ok(said.ms < 4000, `text turn took ${said.ms} ms`);

      const pressed = await timed(() =>
        jeroen.execute('casus.decide', {
          ...actionData(card, 'casus.decide'),
          action: 'accepteren',
          motivation,
        }),
      );
      assert.match(cardText(pressed.value), /Probeer het later opnieuw|Niet zeker/);
      assert.ok(pressed.ms < 4000, `button turn took ${pressed.ms} ms`);

      const health = await timed(() => fetch(`${bot.url}/healthz`));
      assert.equal(health.value.status, 503);
      assert.ok(health.ms < 2000, `/healthz took ${health.ms} ms`);
    });
  }

  describe('a write the store applied, whose answer was cut off', () => {
    it('a new intake: the draft is there, once, and the worker gets its first step', async () => {
      bot.proxy.cutAfterForwarding(isDocumentWrite('casussen', 'POST'));
      const card = await fatima.say('nieuwe casus');
      assert.doesNotMatch(cardText(card), NOTHING_CHANGED);
      const { casusId, step } = ref(card);
      assert.equal(step, 'betrokkene');
      assert.equal((await stored(String(casusId)))?.state, 'concept');
    });

    it('an intake step: saved, and the next step is shown', async () => {
      const first = await fatima.say('nieuwe casus');
      bot.proxy.cutAfterForwarding(isDocumentWrite('casussen', 'PUT', String(ref(first).casusId)));
      const card = await next(fatima, first, validStepValues.betrokkene);
      assert.doesNotMatch(cardText(card), NOTHING_CHANGED);
      assert.equal(ref(card).step, 'criteria-1-2');
      assert.equal((await stored(String(ref(card).casusId)))?.intake.step, 'criteria-1-2');
    });

    it('the casus-number increment: the submit still succeeds', async () => {
      const summary = await walkToSummary(fatima);
      bot.proxy.cutAfterForwarding(isDocumentWrite('counters', 'PATCH'));
      const card = await fatima.execute('intake.submit', ref(summary, 'intake.submit'));
      assert.match(cardText(card), /is aangemeld/);
    });

    it('the submit: "aangemeld", and the casus is submitted', async () => {
      const summary = await walkToSummary(fatima);
      const { casusId } = ref(summary, 'intake.submit');
      bot.proxy.cutAfterForwarding(isDocumentWrite('casussen', 'PUT', String(casusId)));
      const card = await fatima.execute('intake.submit', ref(summary, 'intake.submit'));
      assert.match(cardText(card), /is aangemeld/);
      assert.equal(
        (await stored(String(ref(summary, 'intake.submit').casusId)))?.state,
        'aangemeld',
      );
    });

    it('a decision: "besluit vastgelegd", written once', async () => {
      const number = await submitCasus(fatima);
      const card = await jeroen.say(`casus ${number}`);
      const { casusId } = actionData(card, 'casus.decide');
      await deliveredAll(String(casusId));
      bot.proxy.cutAfterForwarding(isDocumentWrite('casussen', 'PUT', String(casusId)));
      const decided = await jeroen.execute('casus.decide', {
        ...actionData(card, 'casus.decide'),
        action: 'accepteren',
        motivation,
      });
      assert.match(cardText(decided), /Besluit vastgelegd/);
      assert.doesNotMatch(cardText(decided), NOTHING_CHANGED);
      const casus = await stored(String(actionData(card, 'casus.decide').casusId));
      assert.equal(casus?.state, 'in_behandeling_lokaal');
      assert.equal(casus?.audit.filter((entry) => entry.action === 'accepteren').length, 1);
    });
  });

  it('answers a decision delivered twice by Teams as recorded, and records it once', async () => {
    const number = await submitCasus(fatima);
    const card = await jeroen.say(`casus ${number}`);
    const data = { ...actionData(card, 'casus.decide'), action: 'accepteren', motivation };
    const activity = executeActivity('casus.decide', data, {
      serviceUrl: bot.connector.serviceUrl,
      aadObjectId: demoUsers.jeroen,
    });
    const first = await bot.post(activity);
    const second = await bot.post(activity);
    for (const answer of [first, second]) {
      const text = cardText((answer.body as { value: Card }).value);
      assert.match(text, /Besluit vastgelegd/);
      assert.doesNotMatch(text, NOTHING_CHANGED);
    }
    const casus = await stored(String(actionData(card, 'casus.decide').casusId));
    assert.equal(casus?.audit.filter((entry) => entry.activityId === activity.id).length, 1);
  });

  it('does not take the same activity id from another decider, or for another action, as recorded', async () => {
    const number = await submitCasus(fatima);
    const card = await jeroen.say(`casus ${number}`);
    const { casusId, revision } = actionData(card, 'casus.decide');
    const as = (aadObjectId: string, action: string) =>
      executeActivity(
        'casus.decide',
        { casusId, revision, action, motivation },
        { serviceUrl: bot.connector.serviceUrl, aadObjectId },
      );
    const accepted = as(demoUsers.jeroen, 'accepteren');
    await bot.post(accepted);
    const reused = { ...as(mohamed, 'afwijzen'), id: accepted.id };
    const answer = cardText(((await bot.post(reused)).body as { value: Card }).value);
    assert.doesNotMatch(answer, /Besluit vastgelegd/);
    assert.match(answer, /De casus is intussen gewijzigd/);
    const casus = await stored(String(casusId));
    assert.deepEqual(
      casus?.audit.filter((entry) => entry.activityId === accepted.id).map((entry) => entry.action),
      ['accepteren'],
    );
  });

  it('answers a demo persona switch whose write lost its answer as done, not "niets gewijzigd"', async () => {
    bot.proxy.cutAfterForwarding(isDocumentWrite('registry', 'POST'));
    const card = await fatima.execute('demo.persona', { personId: demoUsers.jeroen });
    assert.doesNotMatch(cardText(card), NOTHING_CHANGED);
    assert.match(cardText(await fatima.say('help')), /Jeroen de Vries/);
    await fatima.execute('demo.persona', { personId: demoUsers.fatima });
  });

  it('answers with the next step, not "niets gewijzigd", when the store goes down right after a step was saved', async () => {
    const first = await fatima.say('nieuwe casus');
    const casusId = String(ref(first).casusId);
    bot.proxy.afterForwarding(isDocumentWrite('casussen', 'PUT', casusId), () => {
      bot.proxy.mode = 'refuse';
    });
    // The next step's card needs nothing more from the store (the registry is in memory).
    const card = await next(fatima, first, validStepValues.betrokkene);
    assert.match(cardText(card), /Stap 2 van 5/);
    assert.doesNotMatch(cardText(card), NOTHING_CHANGED);
    bot.proxy.mode = 'pass';
    assert.equal((await stored(casusId))?.intake.step, 'criteria-1-2');
  });

  it('answers "niet zeker", not "niets gewijzigd", when a decision write and the read-back get no answer', async () => {
    const number = await submitCasus(fatima);
    const card = await jeroen.say(`casus ${number}`);
    const { casusId } = actionData(card, 'casus.decide');
    await deliveredAll(String(casusId));
    bot.proxy.onArrival(isDocumentWrite('casussen', 'PUT', String(casusId)), () => {
      bot.proxy.mode = 'blackhole';
    });
    const decided = await timed(() =>
      jeroen.execute('casus.decide', {
        ...actionData(card, 'casus.decide'),
        action: 'accepteren',
        motivation,
      }),
    );
    assert.match(cardText(decided.value), /Niet zeker of dit is vastgelegd/);
    assert.doesNotMatch(cardText(decided.value), NOTHING_CHANGED);
    assert.ok(decided.ms < 5000, `${decided.ms} ms`);
  });

  it('keeps a casus whose card became too large viewable, and a decision on it reported as recorded', async () => {
    const number = await submitCasus(fatima);
    const card = await jeroen.say(`casus ${number}`);
    const { casusId } = actionData(card, 'casus.decide');
    // A long history with multi-byte text: the full card is far over Teams' size.
    const { resource } = await bot
      .store()
      .casussen.item(String(casusId), String(casusId))
      .read<Casus>();
    assert.ok(resource);
    const long = `${'€'.repeat(3900)} einde`;
    const audit = [...resource.audit];
    for (let i = 0; i < 4; i++) {
      const last = audit.at(-1);
      assert.ok(last);
      audit.push({ ...last, action: 'indienen', motivation: long, activityId: `history-${i}` });
    }
    await bot.store().casussen.items.upsert({ ...resource, audit });

    const decided = await jeroen.execute('casus.decide', {
      ...actionData(card, 'casus.decide'),
      action: 'accepteren',
      motivation,
    });
    const text = cardText(decided);
    assert.match(text, /Besluit vastgelegd/);
    assert.match(text, /In behandeling/);
    // Shown with the long motivations shortened, the latest decision in full.
    assert.match(text, /€… \(ingekort\)[\s\S]*Geaccepteerd door de Lokale Kamer/);
    assert.doesNotMatch(text, NOTHING_CHANGED);

    const viewed = cardText(await fatima.say(`casus ${number}`));
    assert.match(viewed, /In behandeling[\s\S]*Geaccepteerd door de Lokale Kamer/);
    assert.doesNotMatch(viewed, /Er ging iets mis/);
  });
});
