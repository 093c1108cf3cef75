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

/**
 * BGS art. 2.21 lid 3: an incidentele deelnemer gets no access to the system. Every command and
 * every card verb the bot knows, with data that fits a real casus of theirs, from a registry
 * person of an incidentele-deelnemer organisation and from the invitee's own Teams account,
 * before and after signing: nothing of the casus comes back, and nothing changes in the store.
 */
describe('bot over HTTP: an incidentele deelnemer has no access, before or after signing', () => {
  let bot: BotHarness;
  let unsigned: SignedCasus;
  let signed: SignedCasus;
  before(async () => {
    bot = await startBotHarness();
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
    // Reachable in Teams, as a participant who signed there would be.
    await rememberChat(bot, inviteeObjectId);
    await rememberChat(bot, incidentalPersonId);
  });
  after(async () => {
    await bot.stop();
  });

  /** Every document in the store with its ETag: any write shows up as a difference. */
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

  for (const [who, userId] of [
    ['a registry person of an incidentele-deelnemer organisation', incidentalPersonId],
    ["the invitee's own Teams account (not in the registry)", inviteeObjectId],
  ] as const) {
    for (const stage of ['before signing', 'after signing'] as const) {
      it(`${who}, ${stage}: every command and verb returns nothing of the casus and writes nothing`, async () => {
        const target = stage === 'before signing' ? unsigned : signed;
        const as = talkAs(bot, userId);
        const before = await snapshot();
        assert.ok(
          before.some((doc) => doc.startsWith('casussen/') && !doc.endsWith('@undefined')),
          'the snapshot sees the casussen and their ETags',
        );
        const answers: { asked: string; answer: string }[] = [];
        for (const route of routeTable.commands) {
          const texts = [
            route.command,
            ...(route.argument ? [`${route.command} ${target.casus.casusNumber}`] : []),
          ];
          for (const text of texts)
            answers.push({ asked: `command ${text}`, answer: cardText(await as.say(text)) });
        }
        for (const route of routeTable.verbs) {
          answers.push({
            asked: `verb ${route.verb}`,
            answer: cardText(await as.execute(route.verb, dataFor(target))),
          });
        }
        assert.equal(answers.length, routeTable.commands.length + 1 + routeTable.verbs.length);
        for (const { asked, answer } of answers) {
          for (const secret of secretsOf(target)) {
            assert.ok(
              !answer.toLowerCase().includes(secret.toLowerCase()),
              `${asked} reveals "${secret}"`,
            );
          }
          assert.match(answer, /Geen toegang/, `${asked}: ${answer.slice(0, 120)}`);
        }
        assert.deepEqual(await snapshot(), before, 'nothing changed in the store');
      });
    }
  }
});
