import { z } from 'zod';
import { openCasusById } from '../../../src/app/casus/open-casus';
import {
  decideInvitation,
  type InvitationDecisionInput,
} from '../../../src/app/invitation/decide-invitation';
import { proposeInvitationOnCasus } from '../../../src/app/invitation/propose-invitation';
import type { Casus } from '../../../src/domain/casus/casus.schema';
import { handlingTable } from '../../../src/domain/invitation/invitation-table';
import { mayPropose, type FieldIssue } from '../../../src/domain/invitation/propose';
import type { Kamer } from '../../../src/domain/registry/registry.schema';
import type { AdaptiveCardJson } from '../../cards/card-template';
import type { BackTo } from '../../presenters/casus.presenter';
import { invitationMotivationField } from '../../presenters/casus-invitations.presenter';
import {
  invitationFormCardFor,
  invitationFormFieldsSchema,
  proposalFromForm,
  type InvitationFormFields,
} from '../../presenters/invitation-form.presenter';
import { verbRoute, type Turn } from '../route-types';
import { accessRefusal, cardFor, notFound } from './casus-cards';
import { changedMeanwhile } from './decision.handler';
import { withOrganisationsOnce } from './invitation-turn';
import { backToSchema } from './navigation.handler';

const casusRef = {
  casusId: z.uuid(),
  revision: z.coerce.number().int().min(0),
  back: z.array(backToSchema).max(1).default([]),
};
const tableAction = z.enum(['goedkeuren', 'afwijzen', 'beeindigen']);
const typed = z.string().max(4000).default('');

/** The table that handles the casus now: the form names it, it decides on the proposal. */
async function tableOf(turn: Turn, casus: Casus, kamer: Kamer): Promise<Kamer> {
  const table = handlingTable(casus, kamer);
  if (!table || table.kamerId === kamer.id) return kamer;
  return (await turn.services.registry.getKamer(table.kamerId)) ?? kamer;
}

/** "Partij uitnodigen": the proposal form, for a deelnemer of the table handling the casus. */
async function showForm(turn: Turn, casusId: string, backTo: BackTo | undefined) {
  const opened = await openCasusById(turn.services, turn.actor, casusId);
  if (!opened.ok) return accessRefusal(opened.error);
  const { casus, kamer } = opened.value;
  if (!mayPropose(turn.actor, casus, kamer)) {
    return cardFor(turn, casus, kamer, {
      backTo,
      notice: {
        text: 'Een partij uitnodigen kan alleen een deelnemer van de tafel die deze casus nu behandelt (art. 2.31 lid 9 WGS, art. 2.21 lid 1 BGS).',
        style: 'attention',
      },
    });
  }
  return invitationFormCardFor(casus, await tableOf(turn, casus, kamer), {
    ...(backTo && { backTo }),
  });
}

async function propose(
  plain: Turn,
  input: { casusId: string; revision: number; backTo: BackTo | undefined },
  form: InvitationFormFields,
): Promise<AdaptiveCardJson> {
  const turn = withOrganisationsOnce(plain);
  const proposed = await proposeInvitationOnCasus(turn.services, turn.actor, {
    casusId: input.casusId,
    revision: input.revision,
    values: proposalFromForm(form),
    activityId: turn.activityId,
  });
  if (!proposed.ok) {
    const reason = proposed.error;
    if (reason.kind === 'not-found' || reason.kind === 'not-authorised')
      return accessRefusal(reason);
    const kamer = await turn.services.registry.getKamer(reason.casus.kamerId ?? '');
    if (!kamer) return notFound();
    // Refused: the form again, everything typed kept, with the reason (and the fields to check).
    const table = await tableOf(turn, reason.casus, kamer);
    const again = (text: string, style: 'warning' | 'attention', issues?: FieldIssue[]) =>
      invitationFormCardFor(reason.casus, table, {
        form,
        notice: { text, style },
        ...(issues && { issues }),
        ...(input.backTo && { backTo: input.backTo }),
      });
    switch (reason.kind) {
      case 'changed-meanwhile':
        return again(
          `${changedMeanwhile(reason.casus)} Je voorstel staat er nog; dien het opnieuw in.`,
          'warning',
        );
      case 'busy':
        return again(
          'De casus werd op hetzelfde moment bijgewerkt. Er is niets gewijzigd; probeer het opnieuw.',
          'warning',
        );
      case 'refused': {
        const refusal = reason.refusal;
        return again(
          `${refusal.reason} Er is niets gewijzigd.`,
          'attention',
          'issues' in refusal ? refusal.issues : undefined,
        );
      }
    }
  }
  plain.services.notifications.deliverSoon(proposed.value.casus.id);
  const { casus, invitation } = proposed.value;
  const kamer = await turn.services.registry.getKamer(casus.kamerId ?? '');
  if (!kamer) return notFound();
  return cardFor(turn, casus, kamer, {
    backTo: input.backTo,
    notice: {
      text: `Voorstel vastgelegd: ${invitation.proposal.organisatie.naam} is voorgesteld als incidentele deelnemer. De overheidsdeelnemers van de tafel beslissen erover.`,
      style: 'emphasis',
    },
  });
}

const noticeFor: Record<z.infer<typeof tableAction>, string> = {
  goedkeuren: 'Uitnodiging goedgekeurd',
  afwijzen: 'Uitnodiging afgewezen',
  beeindigen: 'Deelname beëindigd',
};

/** Both presses end here: the use case checks everything again, whatever the card showed. */
async function decideAndAnswer(
  turn: Turn,
  input: Omit<InvitationDecisionInput, 'activityId'>,
  backTo: BackTo | undefined,
): Promise<AdaptiveCardJson> {
  const decided = await decideInvitation(turn.services, turn.actor, {
    ...input,
    activityId: turn.activityId,
  });
  const draft = { invitationId: input.invitationId, motivation: input.motivation };
  if (!decided.ok) {
    const reason = decided.error;
    if (reason.kind === 'not-found' || reason.kind === 'not-authorised')
      return accessRefusal(reason);
    const kamer = await turn.services.registry.getKamer(reason.casus.kamerId ?? '');
    if (!kamer) return notFound();
    const refused = (text: string, style: 'warning' | 'attention' = 'attention') =>
      cardFor(turn, reason.casus, kamer, {
        backTo,
        notice: { text, style },
        invitationDraft: draft,
      });
    switch (reason.kind) {
      case 'changed-meanwhile':
        return refused(changedMeanwhile(reason.casus), 'warning');
      case 'busy':
        return refused(
          'De casus werd op hetzelfde moment bijgewerkt. Er is niets gewijzigd; probeer het opnieuw.',
          'warning',
        );
      case 'unknown-invitation':
        return refused('Deze uitnodiging hoort niet bij deze casus. Er is niets gewijzigd.');
      case 'refused':
        return refused(`${reason.refusal.reason} Er is niets gewijzigd.`);
      case 'confirm-first':
        return cardFor(turn, reason.casus, kamer, {
          backTo,
          invitationConfirm: {
            invitationId: input.invitationId,
            action: input.action,
            motivation: reason.motivation,
          },
        });
    }
  }
  turn.services.notifications.deliverSoon(decided.value.casus.id);
  const { casus, invitation } = decided.value;
  const kamer = await turn.services.registry.getKamer(casus.kamerId ?? '');
  if (!kamer) return notFound();
  return cardFor(turn, casus, kamer, {
    backTo,
    notice: {
      text: `Besluit vastgelegd: ${noticeFor[input.action]} (${invitation.proposal.organisatie.naam}).`,
      style: 'emphasis',
    },
  });
}

export const invitationVerbRoutes = [
  verbRoute({
    verb: 'invitation.form',
    data: z.object(casusRef),
    handle: (turn, { casusId, back }) => showForm(turn, casusId, back[0]),
  }),
  verbRoute({
    verb: 'invitation.propose',
    data: z.object({ ...casusRef }).and(invitationFormFieldsSchema),
    handle: (turn, { casusId, revision, back, ...form }) =>
      propose(turn, { casusId, revision, backTo: back[0] }, form),
  }),
  verbRoute({
    // The first press: every check, nothing written; the card asks for the second.
    verb: 'invitation.decide',
    data: z.looseObject({ ...casusRef, invitationId: z.uuid(), action: tableAction }),
    handle: (turn, input) => {
      const motivation = input[invitationMotivationField(input.invitationId)];
      return decideAndAnswer(
        turn,
        {
          casusId: input.casusId,
          revision: input.revision,
          invitationId: input.invitationId,
          action: input.action,
          motivation: typeof motivation === 'string' ? motivation.slice(0, 4000) : '',
          confirmed: false,
        },
        input.back[0],
      );
    },
  }),
  verbRoute({
    // The second press; a forged one without a first press gets the same checks.
    verb: 'invitation.confirm',
    data: z.object({
      ...casusRef,
      invitationId: z.uuid(),
      action: tableAction,
      invitationMotivation: typed,
    }),
    handle: (turn, { back, invitationMotivation, ...input }) =>
      decideAndAnswer(
        turn,
        { ...input, motivation: invitationMotivation, confirmed: true },
        back[0],
      ),
  }),
  verbRoute({
    // "Terug, niet besluiten": the casus card, with the motivation back in its input.
    verb: 'invitation.back',
    data: z.object({
      casusId: z.uuid(),
      invitationId: z.uuid(),
      invitationMotivation: typed,
      back: z.array(backToSchema).max(1).default([]),
    }),
    async handle(turn, { casusId, invitationId, invitationMotivation, back }) {
      const opened = await openCasusById(turn.services, turn.actor, casusId);
      if (!opened.ok) return accessRefusal(opened.error);
      return cardFor(turn, opened.value.casus, opened.value.kamer, {
        backTo: back[0],
        invitationDraft: { invitationId, motivation: invitationMotivation },
      });
    },
  }),
];
