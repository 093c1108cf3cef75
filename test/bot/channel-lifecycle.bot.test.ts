import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { demoUsers } from '../helpers/activities';
import { linkChannel } from '../helpers/channel-mention';
import { cardProblems } from '../helpers/adaptive-card-check';
import { startBotHarness, talkAs, type BotHarness } from '../helpers/bot-harness';
import { cardOf, cardText } from '../helpers/fake-connector';

const sanne = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a05'; // functioneel beheerder
const team = '19:team-lifecycle@thread.tacv2';

describe('bot over HTTP: a linked channel lost (bot removed, channel or team deleted)', () => {
  let bot: BotHarness;
  before(async () => {
    bot = await startBotHarness();
    // The linkers have their personal chat with the bot: that is where they hear of a loss.
    await talkAs(bot, demoUsers.jeroen).say('help');
    await talkAs(bot, sanne).say('help');
  });
  after(async () => {
    await bot.stop();
  });

  const link = (kamer: string, who: string, channelId: string) =>
    linkChannel(bot, kamer, who, { id: channelId, teamId: team });

  /** A Teams event about the team, as the connector sends it (no user typed it). */
  async function event(type: string, extra: Record<string, unknown>) {
    const response = await bot.post({
      type,
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: bot.connector.serviceUrl,
      timestamp: new Date().toISOString(),
      from: { id: '29:teams-admin', aadObjectId: sanne },
      recipient: { id: '28:casusbot-test', name: 'casusbot' },
      conversation: { id: team, conversationType: 'channel', isGroup: true, tenantId: 'tenant' },
      ...extra,
    });
    assert.equal(response.status, 200);
  }

  const stored = async (kamerId: string) => {
    const id = `kanaal:${kamerId}`;
    const { resource } = await bot.store().conversations.item(id, id).read<{ id: string }>();
    return resource;
  };

  /** The card the linker got in their personal chat (conversation `a:<id>` in the harness). */
  async function toldTo(personId: string, count: number) {
    const deadline = Date.now() + 5000;
    for (;;) {
      const cards = bot.connector.sent.filter((sent) => sent.conversationId === `a:${personId}`);
      const told = cards.filter((sent) => /Kanaal ontkoppeld/.test(cardText(cardOf(sent))));
      if (told.length >= count) return told.map((sent) => cardOf(sent));
      if (Date.now() > deadline) throw new Error(`${personId} was told ${told.length} times`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('added to a team, the bot says in its General channel how to link a kamer, naming nobody', async () => {
    const before = bot.connector.sent.length;
    await event('conversationUpdate', {
      membersAdded: [{ id: '28:casusbot-test' }],
      channelData: { eventType: 'teamMemberAdded', team: { id: team }, tenant: { id: 'tenant' } },
    });
    const deadline = Date.now() + 5000;
    while (bot.connector.sent.length === before && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const [welcome, ...more] = bot.connector.sent.slice(before);
    assert.ok(welcome, 'the team was greeted');
    assert.equal(welcome.conversationId, team);
    assert.deepEqual(more, []);
    const card = cardOf(welcome);
    assert.deepEqual(cardProblems(card), []);
    assert.match(
      cardText(card),
      /typ in dat kanaal @casusbot koppel .* bijvoorbeeld @casusbot koppel ROT/,
    );
    assert.doesNotMatch(cardText(card), /Sanne|Jeroen/);
    // Someone else joining the team is greeted by nobody.
    await event('conversationUpdate', {
      membersAdded: [{ id: '29:newcomer', aadObjectId: demoUsers.fatima }],
      channelData: { eventType: 'teamMemberAdded', team: { id: team }, tenant: { id: 'tenant' } },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(bot.connector.sent.length, before + 1);
  });

  it('a deleted channel unlinks its kamer and tells the linker how to link another; other channels stay', async () => {
    await link('ROT', demoUsers.jeroen, '19:rot@thread.tacv2');
    await link('SDM', sanne, '19:sdm@thread.tacv2');
    await event('conversationUpdate', {
      channelData: {
        eventType: 'channelDeleted',
        channel: { id: '19:rot@thread.tacv2', name: 'Casussen' },
        team: { id: team },
        tenant: { id: 'tenant' },
      },
    });
    const [card] = await toldTo(demoUsers.jeroen, 1);
    assert.deepEqual(cardProblems(card), []);
    const text = cardText(card);
    assert.match(
      text,
      /Het kanaal is verwijderd\. Het kanaal dat je op .* aan Lokale Kamer Rotterdam koppelde/,
    );
    assert.match(text, /typ daar @casusbot koppel ROT/);
    assert.equal(await stored('lk-rotterdam'), undefined);
    assert.ok(await stored('lk-schiedam'));
  });

  it('the bot removed from the team unlinks every channel of that team, each linker told once', async () => {
    await link('ROT', demoUsers.jeroen, '19:rot-2@thread.tacv2');
    await event('conversationUpdate', {
      membersRemoved: [{ id: '28:casusbot-test' }],
      channelData: { eventType: 'teamMemberRemoved', team: { id: team }, tenant: { id: 'tenant' } },
    });
    assert.match(
      cardText((await toldTo(demoUsers.jeroen, 2))[1]),
      /casusbot is uit het team verwijderd/,
    );
    assert.match(cardText((await toldTo(sanne, 1))[0]), /Lokale Kamer Schiedam/);
    assert.equal(await stored('lk-rotterdam'), undefined);
    assert.equal(await stored('lk-schiedam'), undefined);
    // The same event again (Teams may repeat it): nothing left, nobody told twice.
    await event('installationUpdate', {
      action: 'remove',
      channelData: { team: { id: team }, tenant: { id: 'tenant' } },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await toldTo(sanne, 1)).length, 1);
  });

  it('someone else leaving the team changes nothing; a deleted team unlinks', async () => {
    await link('ROT', demoUsers.jeroen, '19:rot-3@thread.tacv2');
    await event('conversationUpdate', {
      membersRemoved: [{ id: '29:someone', aadObjectId: demoUsers.fatima }],
      channelData: { eventType: 'teamMemberRemoved', team: { id: team }, tenant: { id: 'tenant' } },
    });
    assert.ok(await stored('lk-rotterdam'));
    await event('conversationUpdate', {
      channelData: { eventType: 'teamDeleted', team: { id: team }, tenant: { id: 'tenant' } },
    });
    assert.match(cardText((await toldTo(demoUsers.jeroen, 3))[2]), /Het team is verwijderd/);
    assert.equal(await stored('lk-rotterdam'), undefined);
  });
});
