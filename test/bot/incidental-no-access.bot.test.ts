import assert from 'node:assert/strict';
import { demoUsers } from '../helpers/activities';
import { startBotHarness, talkAs, type BotHarness } from '../helpers/bot-harness';
import { press } from '../helpers/decision-press';
import { cardText } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';
import { validStepValues } from '../helpers/intake-values';
import {
  incidentalPerson,
  incidentalPersonId,
  inviteAndSign,
  inviteeObjectId,
  rememberChat,
  type SignedCasus,
} from '../helpers/signed-casus';
import { routeTable } from '../../bot/routing/route-table';
import { closeInvitations } from '../../src/domain/invitation/lifecycle';
import { CosmosCasusRepository } from '../../src/storage/cosmos-casus.repository';
import { submitButtonsOf } from '../helpers/card-buttons';
import { registryChangeSeen, SHORT_REGISTRY_BOUND } from '../helpers/registry-bound';

/**
 * BGS art. 2.21 lid 3: an incidentele deelnemer gets no access to the system. Every command and
 * every card verb the bot knows, with data that fits a real casus of theirs, from a registry
 * person of an incidentele-deelnemer organisation and from the invitee's own Teams account,
 * before and after signing: nothing of the casus comes back, and nothing changes in the store.
 * The invitee asked to sign gets only the card to sign (the casus by number, as on the signing
 * page), whatever they send.
 */
describe('bot over HTTP: an incidentele deelnemer has no access, before or after signing', () => {
  let bot: BotHarness;
  let unsigned: SignedCasus;
  let signed: SignedCasus;
  before(async () => {
    bot = await startBotHarness(SHORT_REGISTRY_BOUND);
    const fatima = talkAs(bot, demoUsers.fatima);
    const jeroen = talkAs(bot, demoUsers.jeroen);
    for (const which of ['unsigned', 'signed'] as const) {
      const number = await submitCasus(fatima);
      await press(jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
      const made = await inviteAndSign(bot, number, { signed: which === 'signed' });
      if (which === 'signed') signed = made;
      else unsigned = made;
    }
    await bot.store().registry.items.upsert(incidentalPerson);
    await registryChangeSeen();
    // Reachable in Teams, as a participant who signed there would be.
    await rememberChat(bot, inviteeObjectId);
    await rememberChat(bot, incidentalPersonId);
  });
  after(async () => {
    await bot.stop();
  });

  /**
   * Every document in the store with its ETag: any write shows up as a difference. The access
   * log's too: who is not admitted to the system is no actor, so nothing of theirs is recorded.
   */
  async function snapshot(): Promise<string[]> {
    const all: string[] = [];
    for (const container of Object.values(bot.store())) {
      const { resources } = await container.items.query('SELECT c.id, c._etag FROM c').fetchAll();
      all.push(
        ...resources.map(
          (r: { id: string; _etag: string }) => `${container.id}/${r.id}@${r._etag}`,
        ),
      );
    }
    return all.sort();
  }

  /** Plausible data for every verb at once: zod objects take what they know and leave the rest. */
  const dataFor = (target: SignedCasus) => ({
    casusId: target.casus.id,
    invitationId: target.invitationId,
    revision: target.casus.revision,
    action: 'afsluiten',
    motivation: 'Een motivering die lang genoeg is voor elk besluit in deze casus.',
    motivationAfsluiten: 'Een motivering die lang genoeg is voor elk besluit in deze casus.',
    closeReason: 'plan-uitgevoerd',
    confirmed: true,
    back: [],
    purpose: 'Een doel dat lang genoeg is om te passen.',
    text: 'Iets dat gedeeld zou worden.',
    casusNumber: target.casus.casusNumber,
    naam: validStepValues.betrokkene.naam,
    geboortedatum: '1988-04-12',
    command: 'casuslijst',
    list: 'casuslijst',
    kamerId: 'lk-rotterdam',
    page: 1,
    draftsPage: 1,
    submittedPage: 1,
    personId: demoUsers.jeroen,
    step: 'betrokkene',
  });

  /** What must never reach them: the casus by number, the betrokkene, motivations, evidence. */
  const secretsOf = (target: SignedCasus) => [
    target.casus.casusNumber,
    target.casus.id,
    validStepValues.betrokkene.naam,
    'Betrokkene heeft schulden',
    'De corporatie is nodig voor een huurregeling',
    'Woonstichting Maasstad',
    ...(target.declaration.recordSha256
      ? [target.declaration.recordSha256, target.declaration.record.textSha256, 'ondertekend']
      : []),
  ];

  /** Every command (with the casus's number where it takes one) and every verb, as this user. */
  async function everyAnswer(userId: string, target: SignedCasus) {
    const as = talkAs(bot, userId);
    const answers: { asked: string; card: Record<string, unknown>; text: string }[] = [];
    const add = (asked: string, card: Record<string, unknown>) =>
      answers.push({ asked, card, text: cardText(card) });
    for (const route of routeTable.commands) {
      const texts = [
        route.command,
        ...(route.argument ? [`${route.command} ${target.casus.casusNumber}`] : []),
      ];
      for (const text of texts) add(`command ${text}`, await as.say(text));
    }
    for (const route of routeTable.verbs) {
      add(`verb ${route.verb}`, await as.execute(route.verb, dataFor(target)));
    }
    const withArgument = routeTable.commands.filter((route) => route.argument).length;
    assert.equal(
      answers.length,
      routeTable.commands.length + withArgument + routeTable.verbs.length,
    );
    return answers;
  }

  /** Asks everything and checks that the store is exactly as before. */
  async function everyAnswerWritingNothing(userId: string, target: SignedCasus) {
    const before = await snapshot();
    assert.ok(
      before.some((doc) => doc.startsWith('casussen/') && !doc.endsWith('@undefined')),
      'the snapshot sees the casussen and their ETags',
    );
    const answers = await everyAnswer(userId, target);
    assert.deepEqual(await snapshot(), before, 'nothing changed in the store');
    return answers;
  }

  const revealsNothing = (answers: { asked: string; text: string }[], secrets: string[]) => {
    for (const { asked, text } of answers) {
      for (const secret of secrets) {
        assert.ok(
          !text.toLowerCase().includes(secret.toLowerCase()),
          `${asked} reveals "${secret}"`,
        );
      }
    }
  };

  for (const stage of ['before signing', 'after signing'] as const) {
    it(`a registry person of an incidentele-deelnemer organisation, ${stage}: every command and verb returns nothing of the casus and writes nothing`, async () => {
      const target = stage === 'before signing' ? unsigned : signed;
      const answers = await everyAnswerWritingNothing(incidentalPersonId, target);
      revealsNothing(answers, secretsOf(target));
      for (const { asked, text } of answers) {
        assert.match(text, /Geen toegang/, `${asked}: ${text.slice(0, 120)}`);
      }
    });
  }

  it("the invitee's own Teams account, asked to sign: every command and verb gets only the card to sign, and writes nothing", async () => {
    const answers = await everyAnswerWritingNothing(inviteeObjectId, signed);
    const [first] = answers;
    assert.ok(first);
    for (const { asked, card } of answers) {
      assert.deepEqual(card, first.card, `${asked} gets the same card`);
    }
    // The card names the casus only by the number it asks a signature for, and the invitation.
    assert.match(first.text, new RegExp(`casus ${unsigned.casus.casusNumber}`));
    assert.match(
      first.text,
      /Geheimhoudingsverklaring ondertekenen[\s\S]*geen toegang tot casusbot/,
    );
    assert.deepEqual(
      submitButtonsOf(first.card).map((b) => [b.title, b.data.msteams]),
      [['Ondertekenen', { type: 'task/fetch' }]],
    );
    assert.equal(submitButtonsOf(first.card)[0]?.data.invitationId, unsigned.invitationId);
    const ownInvitation = new Set([unsigned.casus.casusNumber, 'Woonstichting Maasstad']);
    revealsNothing(answers, [
      ...secretsOf(unsigned).filter((secret) => !ownInvitation.has(secret)),
      ...secretsOf(signed).filter((secret) => !ownInvitation.has(secret)),
    ]);
  });

  it("the invitee's own Teams account, only taking part: every command and verb gets no access, and nothing of the casus", async () => {
    // The invitation still to sign lapses; what is left is the participation in `signed`.
    const repo = new CosmosCasusRepository(bot.store().casussen);
    const found = await repo.get(unsigned.casus.id);
    assert.ok(found);
    const lapsed = closeInvitations(found.value.invitations, new Date().toISOString());
    assert.ok((await repo.replace({ ...found.value, invitations: lapsed }, found.etag)).ok);

    const answers = await everyAnswerWritingNothing(inviteeObjectId, signed);
    revealsNothing(answers, [...secretsOf(signed), ...secretsOf(unsigned)]);
    for (const { asked, text } of answers) {
      assert.match(
        text,
        /Geen toegang[\s\S]*incidentele deelnemer/,
        `${asked}: ${text.slice(0, 120)}`,
      );
    }
  });
});
