import assert from 'node:assert/strict';
import { demoUsers } from '../helpers/activities';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness';
import { mentionInChannel } from '../helpers/channel-mention';
import { addRegistryPersons, extraPersons } from '../helpers/registry-actors';
import { SHORT_REGISTRY_BOUND } from '../helpers/registry-bound';

const sanne = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a05'; // functioneel beheerder
const anouk = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03'; // procesregisseur of the ZVH
const mohamed = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04'; // weegtafellid of the Lokale Kamer
const channel = {
  id: '19:lk-rotterdam-kanaal@thread.tacv2',
  teamId: '19:team-rotterdam@thread.tacv2',
};
const otherChannel = { id: '19:ander-kanaal@thread.tacv2', teamId: channel.teamId };

describe('bot over HTTP: linking a kamer to a team channel', () => {
  let bot: BotHarness;
  before(async () => {
    bot = await startBotHarness(SHORT_REGISTRY_BOUND);
  });
  after(async () => {
    await bot.stop();
  });

  const mention = (text: string, who: string, where = channel) =>
    mentionInChannel(bot, text, who, where);

  async function storedLink(kamerId: string) {
    const id = `kanaal:${kamerId}`;
    const { resource } = await bot
      .store()
      .conversations.item(id, id)
      .read<Record<string, unknown>>();
    return resource;
  }

  it('a procesregisseur links their kamer: the answer names who linked it, the channel reference is stored', async () => {
    const { text } = await mention('koppel ROT', demoUsers.jeroen);
    assert.match(text, /Kanaal gekoppeld/);
    assert.match(
      text,
      /Jeroen de Vries \(Gemeente Rotterdam\) heeft dit kanaal gekoppeld aan Lokale Kamer Rotterdam/,
    );
    assert.match(text, /Persoonsgegevens en motivaties komen nooit in dit kanaal/);
    const link = await storedLink('lk-rotterdam');
    assert.equal(link?.channelId, channel.id);
    assert.equal(link?.teamId, channel.teamId);
    assert.deepEqual(link?.linkedBy, { id: demoUsers.jeroen, name: 'Jeroen de Vries' });
    const reference = link?.reference as { conversation: { id: string }; activityId?: string };
    assert.equal(
      reference.conversation.id,
      channel.id,
      'the channel, not the thread of the command',
    );
    assert.equal(reference.activityId, undefined);
  });

  it('refuses everyone else with the same words, naming nobody, and stores nothing', async () => {
    const before = await storedLink('zvh-rotterdam-rijnmond');
    const answers = [];
    for (const who of [
      demoUsers.fatima,
      mohamed,
      demoUsers.pieter,
      demoUsers.unknown,
      demoUsers.jeroen,
    ]) {
      const kamer = who === demoUsers.jeroen ? 'ZVHRR' : 'ROT';
      answers.push(await mention(`koppel ${kamer}`, who));
    }
    for (const { card, text } of answers) {
      assert.match(text, /Niet toegestaan/);
      assert.match(text, /Er is niets gewijzigd/);
      assert.doesNotMatch(text, /Fatima|Mohamed|Pieter|Jeroen|VOG|screening|register/);
      assert.deepEqual(card, answers[0]!.card, 'one answer for every reason');
    }
    assert.equal(await storedLink('zvh-rotterdam-rijnmond'), before);
    assert.equal(
      ((await storedLink('lk-rotterdam'))?.linkedBy as { id: string }).id,
      demoUsers.jeroen,
    );
  });

  it('an unknown kamer gets the kamers this person may link to choose from', async () => {
    const { text } = await mention('koppel Amsterdam', demoUsers.jeroen);
    assert.match(text, /Welke kamer\?/);
    assert.match(text, /ROT \(Lokale Kamer Rotterdam\)/);
    assert.doesNotMatch(text, /ZVHRR|Schiedam/, 'only the kamers Jeroen may link');
    assert.match((await mention('koppel', sanne)).text, /ROT.*SDM|SDM.*ROT/s);
  });

  it('a functioneel beheerder links any kamer; a second link of the kamer replaces the first', async () => {
    assert.match(
      (await mention('koppel zvhrr', sanne)).text,
      /Sanne Jansen .* gekoppeld aan Zorg- en Veiligheidshuis Rotterdam-Rijnmond/,
    );
    const { text } = await mention('koppel ZVHRR', anouk, otherChannel);
    assert.match(text, /eerder gekoppeld was, krijgt geen nieuwe berichten meer/);
    assert.equal((await storedLink('zvh-rotterdam-rijnmond'))?.channelId, otherChannel.id);
  });

  it('ontkoppel: refused to whoever may not, done by whoever may, then there is nothing to undo', async () => {
    assert.match((await mention('ontkoppel', demoUsers.fatima)).text, /Niet toegestaan/);
    assert.match(
      (await mention('ontkoppel', anouk)).text,
      /Niet toegestaan/,
      "Anouk's kamer is linked elsewhere",
    );
    assert.ok(await storedLink('lk-rotterdam'));
    const { text } = await mention('ontkoppel', demoUsers.jeroen);
    assert.match(text, /Jeroen de Vries heeft dit kanaal ontkoppeld van Lokale Kamer Rotterdam/);
    assert.equal(await storedLink('lk-rotterdam'), undefined);
    assert.match(
      (await mention('ontkoppel', demoUsers.jeroen)).text,
      /Dit kanaal is aan geen kamer gekoppeld/,
    );
    assert.ok(await storedLink('zvh-rotterdam-rijnmond'), 'the link in the other channel stays');
  });

  it("a procesregisseur role held by a private vaste deelnemer's personnel links and unlinks nothing (art. 2.27 WGS)", async () => {
    // The import refuses such a role; a registry written otherwise must not let it through.
    const ggz = extraPersons.ggzProcesregisseur;
    await addRegistryPersons(bot, [ggz]);
    const refused = await mention('koppel ROT', ggz.id);
    assert.match(refused.text, /Niet toegestaan/);
    assert.equal(await storedLink('lk-rotterdam'), undefined);
    await mention('koppel ROT', demoUsers.jeroen);
    assert.match((await mention('ontkoppel', ggz.id)).text, /Niet toegestaan/);
    assert.equal((await storedLink('lk-rotterdam'))?.channelId, channel.id);
  });

  it('any other text in a channel still gets the pointer to the personal chat', async () => {
    const { text } = await mention('casuslijst', demoUsers.jeroen);
    assert.match(text, /casusbot werkt in je persoonlijke chat/);
    assert.match(text, /koppel <kamercode>/);
  });
});
