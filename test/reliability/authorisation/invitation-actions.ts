// The verbs on a casus's invitations, the invitee's signing dialog, the pages behind a link, and
// what is done in a kamer's channel.
import { randomUUID } from 'node:crypto';
import { OPEN_IN_CHAT_VERB, channelVerbTexts } from '../../../bot/routing/channel-verbs';
import { VIEWING_LINK_SECONDS } from '../../../src/app/invitation/evidence-links';
import { mentionInChannel, pressInChannel } from '../../helpers/channel-mention';
import { dialogInvoke } from '../../helpers/dialog-invoke';
import { filledProposal } from '../../helpers/invitation-flow';
import { pdfText } from '../../helpers/pdf-text';
import { actorIds } from './actors';
import {
  carded,
  casusOf,
  execute,
  judgedByStore,
  motivation,
  numberOf,
  offers,
  onCasus,
  noCasus,
  ref,
  showsCasus,
  type ActionSpec,
  type Answer,
  type Bench,
  type Try,
} from './try';

/** The invitation a decision is about: the proposal, or the signed participation it ends. */
const about = (at: Try, action: string) =>
  action === 'beeindigen' ? casusOf(at).invitations.signed : casusOf(at).invitations.proposed;
/** The invitation the actor's own dialog is for: the participant's signed one, else the approved. */
const ownInvitation = (at: Try) =>
  at.actor === 'participant' ? casusOf(at).invitations.signed : casusOf(at).invitations.approved;

const shared = (at: Try) => ({
  casusId: casusOf(at).id,
  invitationId: casusOf(at).invitations.signed,
  purpose: 'Afstemmen van de huurregeling in het plan van aanpak.',
  text: 'De afspraken over de huurregeling staan in het plan van aanpak.',
});

const tableDecisions: ActionSpec[] = ['goedkeuren', 'afwijzen', 'beeindigen'].flatMap((action) => [
  onCasus(`invitation.decide ${action}`, async (bench, at) =>
    carded(
      await execute(bench, at, 'invitation.decide', {
        ...ref(at),
        invitationId: about(at, action),
        action,
        [`invitationMotivation-${about(at, action)}`]: motivation,
      }),
      offers('invitation.confirm'),
    ),
  ),
  onCasus(
    `invitation.confirm ${action}`,
    async (bench, at) =>
      carded(
        await execute(bench, at, 'invitation.confirm', {
          ...ref(at),
          invitationId: about(at, action),
          action,
          invitationMotivation: motivation,
        }),
        judgedByStore,
      ),
    true,
  ),
]);

const invitations: ActionSpec[] = [
  onCasus('invitation.form', async (bench, at) =>
    carded(await execute(bench, at, 'invitation.form', ref(at)), offers('invitation.propose')),
  ),
  onCasus(
    'invitation.propose',
    async (bench, at) =>
      carded(
        await execute(bench, at, 'invitation.propose', {
          ...ref(at),
          ...filledProposal({
            organisatieKeuze: '',
            organisatieNaam: 'Stichting Mentorschap Rijnmond',
            categorie: 'welzijn',
          }),
        }),
        judgedByStore,
      ),
    true,
  ),
  ...tableDecisions,
  onCasus('invitation.back', async (bench, at) =>
    carded(
      await execute(bench, at, 'invitation.back', {
        casusId: casusOf(at).id,
        invitationId: casusOf(at).invitations.proposed,
      }),
      showsCasus(at),
    ),
  ),
  onCasus('invitation.participants', async (bench, at) =>
    carded(
      await execute(bench, at, 'invitation.participants', { casusId: casusOf(at).id }),
      (_card, text) => text.includes('Deelnemers') && text.includes(numberOf(at)),
    ),
  ),
  onCasus('invitation.share.form', async (bench, at) =>
    carded(
      await execute(bench, at, 'invitation.share.form', shared(at)),
      offers('invitation.share'),
    ),
  ),
  onCasus('invitation.share', async (bench, at) =>
    carded(
      await execute(bench, at, 'invitation.share', shared(at)),
      offers('invitation.share.confirm'),
    ),
  ),
  onCasus(
    'invitation.share.confirm',
    async (bench, at) =>
      carded(await execute(bench, at, 'invitation.share.confirm', shared(at)), judgedByStore),
    true,
  ),
  onCasus('invitation.link', async (bench, at) =>
    carded(
      await execute(bench, at, 'invitation.link', {
        casusId: casusOf(at).id,
        invitationId: casusOf(at).invitations.approved,
      }),
      (_card, text) => text.includes('/ondertekenen?token='),
    ),
  ),
];

/** The invitee's "Ondertekenen" (`task/fetch`) for the actor's own invitation, as Teams sends it. */
const fetchDialog = (bench: Bench, at: Try) =>
  dialogInvoke(
    bench.bot,
    'task/fetch',
    {
      verb: 'invitation.sign',
      casusId: casusOf(at).id,
      invitationId: ownInvitation(at),
      msteams: { type: 'task/fetch' },
    },
    at.actorId,
  );

async function page(url: string): Promise<{ status: number; type: string; body: string }> {
  const response = await fetch(url);
  const type = response.headers.get('content-type') ?? '';
  // A PDF's text, as a reader sees it, is searched as a page's.
  const body = type.includes('pdf')
    ? pdfText(Buffer.from(await response.arrayBuffer())).text
    : await response.text();
  return { status: response.status, type, body };
}

/** A declaration's link as "Verklaring bekijken" issues it, to this actor. */
async function declarationUrl(bench: Bench, at: Try): Promise<string> {
  const { token } = await bench.tokens.issue(
    'verklaring-bekijken',
    { invitationId: casusOf(at).invitations.signed, casusId: casusOf(at).id, personId: at.actorId },
    VIEWING_LINK_SECONDS,
    randomUUID(),
  );
  return `${bench.bot.url}/verklaring/${encodeURIComponent(token)}`;
}

const pageAnswer = (seen: { status: number; body: string }): Answer => ({
  text: seen.body,
  shows: seen.status === 200,
});

const dialogsAndPages: ActionSpec[] = [
  onCasus('task/fetch', async (bench, at) => {
    const answer = await fetchDialog(bench, at);
    return { text: JSON.stringify(answer), shows: answer.task.type === 'continue' };
  }),
  onCasus('task/submit', async (bench, at) => {
    const data = { casusId: casusOf(at).id, invitationId: ownInvitation(at) };
    const answer = await dialogInvoke(bench.bot, 'task/submit', data, at.actorId);
    const text = JSON.stringify(answer);
    return { text, shows: /Je hebt de geheimhoudingsverklaring|nog niet ondertekend/.test(text) };
  }),
  onCasus('GET /ondertekenen', async (bench, at) => {
    // The page at the link the actor's own dialog gives; without one there is no page to open.
    const dialog = await fetchDialog(bench, at);
    const url = (dialog.task.value as { url?: unknown }).url;
    if (dialog.task.type !== 'continue' || typeof url !== 'string') {
      return { text: JSON.stringify(dialog), shows: false };
    }
    return pageAnswer(await page(url));
  }),
  onCasus('GET /verklaring/:token', async (bench, at) =>
    pageAnswer(await page(await declarationUrl(bench, at))),
  ),
  onCasus('GET /verklaring/:token/rapport.pdf', async (bench, at) => {
    const seen = await page(`${await declarationUrl(bench, at)}/rapport.pdf`);
    return { text: seen.body, shows: seen.status === 200 && seen.type.includes('pdf') };
  }),
];

/**
 * A channel command as typed in the kamer's channel; first the channel is put in the state the
 * command starts from (linked for `ontkoppel`, not for `koppel`) by the procesregisseur.
 */
const channelCommand = (command: string, done: string, startFrom: string): ActionSpec => ({
  ...noCasus(command.split(' ')[0]!, async (bench, at) => {
    const { card, text } = await mentionInChannel(bench.bot, command, at.actorId, bench.channel);
    return { text: JSON.stringify(card), shows: text.includes(done) };
  }),
  async prepare(bench) {
    await mentionInChannel(bench.bot, startFrom, actorIds.procesregisseur, bench.channel);
  },
});

const inChannel: ActionSpec[] = [
  {
    // The casus card goes to the presser's personal chat; the channel hears only that it did.
    ...onCasus(OPEN_IN_CHAT_VERB, async (bench, at) => {
      const press = { verb: OPEN_IN_CHAT_VERB, data: { casusId: casusOf(at).id } };
      const answer = await pressInChannel(bench.bot, press, at.actorId, bench.channel);
      return { text: JSON.stringify(answer), shows: answer.value === channelVerbTexts.opened };
    }),
    showsElsewhere: true,
  },
  channelCommand('koppel ROT', 'Kanaal gekoppeld', 'ontkoppel'),
  channelCommand('ontkoppel', 'Kanaal ontkoppeld', 'koppel ROT'),
];

export const invitationActionSpecs = (): ActionSpec[] => [
  ...invitations,
  ...dialogsAndPages,
  ...inChannel,
];
