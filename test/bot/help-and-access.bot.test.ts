import assert from 'node:assert/strict';
import { messageActivity } from '../helpers/activities';
import { demoUsers } from '../helpers/activities';
import { cardProblems } from '../helpers/adaptive-card-check';
import { startBotHarness, talkAs, type BotHarness } from '../helpers/bot-harness';
import { cardOf, cardText } from '../helpers/fake-connector';

describe('bot over HTTP: help and the registry check', () => {
  let bot: BotHarness;
  before(async () => {
    bot = await startBotHarness();
  });
  after(async () => {
    await bot.stop();
  });
  beforeEach(() => bot.connector.clear());

  async function say(text: string, aadObjectId: string | undefined) {
    const response = await bot.post(
      messageActivity(text, { serviceUrl: bot.connector.serviceUrl, aadObjectId }),
    );
    assert.equal(response.status, 200);
    const [sent] = await bot.connector.waitForCount(1);
    const card = cardOf(sent);
    assert.deepEqual(cardProblems(card), []);
    return cardText(card);
  }

  it('answers 200 on /healthz when the store answers', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('answers "help" from a registered user with the help card, naming their role', async () => {
    const text = await say('help', demoUsers.fatima);
    assert.match(text, /Hallo Fatima El Amrani/);
    assert.match(text, /wijkteammedewerker namens Wijkteam Rotterdam-Noord/);
    assert.match(text, /help/);
    assert.match(text, /Demomodus/);
  });

  it('points everyone in a channel or group chat to the personal chat, naming no casus and no person', async () => {
    for (const place of ['channel', 'groupChat'] as const) {
      for (const who of [demoUsers.jeroen, demoUsers.pieter, demoUsers.unknown]) {
        const shared = talkAs(bot, who, place);
        for (const command of ['help', 'casuslijst', 'casus LK-ROT-2026-0001', 'rol']) {
          const text = cardText(await shared.say(command));
          assert.match(text, /casusbot werkt in je persoonlijke chat/, `${command} in a ${place}`);
          assert.doesNotMatch(text, /Jeroen|Pieter|VOG|screening|register|LK-ROT/);
        }
        const pressed = cardText(await shared.execute('casus.refresh', { casusId: 'x' }));
        assert.match(pressed, /casusbot werkt in je persoonlijke chat/);
      }
    }
    // The same person in their personal chat gets the list.
    assert.match(cardText(await talkAs(bot, demoUsers.jeroen).say('casuslijst')), /Casuslijst/i);
  });

  it('answers unknown text with "Dat begrijp ik niet" and the help card', async () => {
    const text = await say('Wat kan ik hier?', demoUsers.jeroen);
    assert.match(text, /Dat begrijp ik niet/);
    assert.match(text, /procesregisseur \(Lokale Kamer Rotterdam\)/);
    const help = cardText(await talkAs(bot, demoUsers.jeroen).say('help'));
    assert.doesNotMatch(help, /Dat begrijp ik niet/);
  });

  it('tells a user who is not in the registry that they are not authorised, and nothing else', async () => {
    const text = await say('help', demoUsers.unknown);
    assert.match(text, /Geen toegang/);
    assert.match(text, /niet in het deelnemersregister/);
    assert.match(text, /art\. 1\.8 lid 2 WGS/);
    assert.doesNotMatch(text, /Typ een van deze opdrachten/);
  });

  it('refuses a registered user without VOG or screening (art. 1.8 lid 2 WGS)', async () => {
    assert.match(await say('help', demoUsers.pieter), /geen VOG of screening/);
  });

  it('refuses an activity without an Entra object id', async () => {
    assert.match(await say('help', undefined), /Geen toegang/);
  });

  it('answers malformed JSON with 400 and keeps serving', async () => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message", ',
    });
    assert.equal(response.status, 400);
    assert.match(await say('help', demoUsers.fatima), /Hallo Fatima/);
  });
});

describe('bot over HTTP: the help card follows the role', () => {
  let bot: BotHarness;
  before(async () => {
    bot = await startBotHarness();
  });
  after(async () => {
    await bot.stop();
  });

  it('offers intake commands to a wijkteammedewerker only, also right after a role switch', async () => {
    const fatima = talkAs(bot, demoUsers.fatima);
    assert.match(cardText(await fatima.say('help')), /nieuwe casus[\s\S]*mijn casussen/);
    const asJeroen = cardText(await fatima.execute('demo.persona', { personId: demoUsers.jeroen }));
    assert.match(asJeroen, /Hallo Jeroen de Vries/);
    assert.doesNotMatch(asJeroen, /nieuwe casus|mijn casussen/);
    assert.doesNotMatch(cardText(await talkAs(bot, demoUsers.jeroen).say('help')), /nieuwe casus/);
  });
});
