import assert from 'node:assert/strict';
import { demoUsers } from '../helpers/activities';
import { startBotHarness, talkAs, type BotHarness } from '../helpers/bot-harness';
import { actionData, hasAction } from '../helpers/card-actions';
import { because, press } from '../helpers/decision-press';
import { cardText, shownText } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';
import { validFormValues } from '../helpers/intake-values';
import { storedByNumber } from '../helpers/signed-casus';

describe('bot over HTTP: the bewaartermijn of a casus, its extension, a legal hold and the sweep', () => {
  let bot: BotHarness;
  before(async () => {
    bot = await startBotHarness({ OUTBOX_SWEEP_INTERVAL_MS: '500' });
  });
  after(async () => {
    await bot.stop();
  });

  const stored = (number: string) => storedByNumber(bot, number);
  const retain = (
    as: ReturnType<typeof talkAs>,
    card: Record<string, unknown>,
    step: string,
    extra: object,
  ) =>
    as.execute('casus.bewaartermijn', {
      ...actionData(card, 'casus.bewaartermijn'),
      step,
      ...extra,
    });

  it('shows when the data goes, lets the decider extend or hold it with a motivation, and ends as a stub', async () => {
    const fatima = talkAs(bot, demoUsers.fatima);
    const jeroen = talkAs(bot, demoUsers.jeroen);
    const number = await submitCasus(fatima);
    const accepted = await press(jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
    const closed = await press(jeroen, accepted, 'afsluiten');
    const clock = (await stored(number)).retention!;
    const until = new Date(clock.expiresAt).toLocaleDateString('nl-NL', {
      dateStyle: 'long',
      timeZone: 'Europe/Amsterdam',
    });
    assert.match(shownText(closed), new RegExp(`Bewaartermijn.*bewaard tot ${until}`, 's'));
    assert.ok(hasAction(closed, 'casus.bewaartermijn'), 'the decider can extend it');
    const seenByWorker = await fatima.say(`casus ${number}`);
    assert.match(shownText(seenByWorker), new RegExp(`bewaard tot ${until}`));
    assert.equal(hasAction(seenByWorker, 'casus.bewaartermijn'), false, 'the worker cannot');

    const revision = (await stored(number)).revision;
    const tooShort = await retain(jeroen, closed, 'verlengen', {
      retentionMonths: '12',
      retentionMotivation: 'Klacht.',
    });
    assert.match(shownText(tooShort), /minstens 30 tekens. Er is niets gewijzigd/);
    assert.equal((await stored(number)).revision, revision, 'nothing written');

    const extended = await retain(jeroen, closed, 'verlengen', {
      retentionMonths: '12',
      retentionMotivation: because('Er loopt een klacht bij de gemeente over deze casus'),
    });
    assert.match(shownText(extended), /Vastgelegd: Bewaartermijn verlengd/);
    const longer = (await stored(number)).retention!;
    assert.ok(longer.expiresAt > clock.expiresAt);
    assert.equal((await stored(number)).audit.at(-1)?.months, 12);

    const stale = await retain(jeroen, closed, 'bewaarplicht', {
      retentionMotivation: because('Bewaarplicht wegens een lopende rechtszaak'),
    });
    assert.match(shownText(stale), /intussen gewijzigd/);
    assert.equal(
      (await stored(number)).retention?.hold,
      undefined,
      'the stale card changed nothing',
    );

    const held = await retain(jeroen, extended, 'bewaarplicht', {
      retentionMotivation: because('Bewaarplicht wegens een lopende rechtszaak'),
    });
    assert.match(shownText(held), /Bewaarplicht sinds .*staat stil/);
    assert.ok((await stored(number)).retention?.hold);
    assert.match(cardText(held), /Bewaarplicht opheffen/);
    const released = await retain(jeroen, held, 'opheffen', {
      retentionMotivation: because('De rechtszaak is afgerond, de termijn loopt weer'),
    });
    assert.match(shownText(released), /Bewaarplicht opgeheven/);

    // The term runs out: moved into the past in the store, as the clock would move on.
    const doc = await stored(number);
    const copiesBefore = bot.connector.updated.length;
    await bot
      .store()
      .casussen.item(doc.id, doc.id)
      .replace({ ...doc, retention: { ...doc.retention!, expiresAt: '2020-01-01T00:00:00.000Z' } });
    const deadline = Date.now() + 15_000;
    while (!(await stored(number)).anonymised && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const stub = await stored(number);
    assert.ok(stub.anonymised, 'the sweep of the running bot anonymised it');
    const card = await jeroen.say(`casus ${number}`);
    const text = cardText(card);
    assert.match(shownText(card), /zijn op .* verwijderd: de bewaartermijn was verstreken/);
    assert.equal(text.includes(validFormValues.naam as string), false, 'no betrokkene on the card');
    assert.equal(text.includes('zo besproken in het casusoverleg'), false, 'no motivations');
    assert.match(text, /Persoonsgegevens verwijderd; alleen het verloop is bewaard/);

    // The cards already in chats follow the stub: none still shows the betrokkene.
    const waitUntil = Date.now() + 10_000;
    while (bot.connector.updated.length === copiesBefore && Date.now() < waitUntil) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const updates = bot.connector.updated.slice(copiesBefore);
    assert.ok(updates.length > 0, 'the copies were brought in line');
    for (const update of updates) {
      assert.equal(JSON.stringify(update.activity).includes(validFormValues.naam as string), false);
    }
  });
});
