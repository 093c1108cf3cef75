import type { Actor } from '../../src/app/identify-actor';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { mayDecide, type TableAction } from '../../src/domain/invitation/decide';
import {
  beroepsgeheimen,
  planFasen,
  publiekeTaakCategorieen,
} from '../../src/domain/invitation/invitation-vocabulary';
import { invitationStateLabels } from '../../src/domain/invitation/invitation-machine';
import type { Invitation, InvitationActorRef } from '../../src/domain/invitation/invitation.schema';
import { mayPropose } from '../../src/domain/invitation/propose';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import type { CasusCardView } from '../cards/casus.card';
import { roleName } from './actor.presenter';
import { formatDate, formatDateTime } from './casus-status';

/** A refused or withdrawn decision on an invitation, back in its input. */
export interface InvitationDraft {
  invitationId: string;
  motivation: string;
}

/** The first press of a decision on an invitation passed every check: ask for the second. */
export interface InvitationConfirmation {
  invitationId: string;
  action: TableAction;
  motivation: string;
}

/** Invitations on the card, the latest first; the casus keeps them all. */
export const INVITATIONS_SHOWN = 8;

const tableActions: readonly TableAction[] = ['goedkeuren', 'afwijzen', 'beeindigen'];
const buttons: Record<TableAction, { title: string; style: 'positive' | 'destructive' }> = {
  goedkeuren: { title: 'Goedkeuren…', style: 'positive' },
  afwijzen: { title: 'Afwijzen…', style: 'destructive' },
  beeindigen: { title: 'Deelname beëindigen…', style: 'destructive' },
};
const confirmTitles: Record<TableAction, string> = {
  goedkeuren: 'Ja, uitnodiging goedkeuren',
  afwijzen: 'Ja, uitnodiging afwijzen',
  beeindigen: 'Ja, deelname beëindigen',
};
const decided: Partial<Record<string, string>> = {
  goedkeuren: 'Goedgekeurd',
  afwijzen: 'Afgewezen',
  beeindigen: 'Beëindigd',
  'casus-gesloten': 'Afgelopen met de casus',
  'tafel-gewisseld': 'Vervallen: de casus ging naar de andere tafel',
  ondertekenen: 'Ondertekend',
};

/** The input a decision's motivation on this invitation is typed in. */
export const invitationMotivationField = (invitationId: string): string =>
  `invitationMotivation-${invitationId}`;

interface Context {
  viewer: Actor;
  casus: Casus;
  kamer: Kamer;
  kamers: readonly (Kamer | undefined)[];
}

/** The steps on this invitation this viewer may take now. */
export function tableActionsFor(context: Context, invitation: Invitation): TableAction[] {
  const { viewer, casus, kamer } = context;
  const decider = { person: viewer.person, organisation: viewer.organisation };
  return tableActions.filter(
    (action) => mayDecide({ invitation, action, decider, casus, kamer }).ok,
  );
}

function actorText(actor: InvitationActorRef, kamers: Context['kamers']): string {
  const role = roleName(actor.role);
  const kamer = kamers.find((k) => k?.id === actor.kamerId)?.name;
  return `${actor.name} (${[role, kamer].filter(Boolean).join(', ')})`;
}

function organisationOf(invitation: Invitation): string {
  const { naam, categorie, categorieOmschrijving } = invitation.proposal.organisatie;
  const category =
    categorie === 'anders' && categorieOmschrijving
      ? categorieOmschrijving
      : publiekeTaakCategorieen.labels[categorie];
  return `${naam} · ${category}`;
}

/** What the deciders weigh: the two conditions of art. 2.21 lid 1 BGS and the secrecy. */
function proposalLines(invitation: Invitation, cut: (text: string) => string) {
  const { contactpersoon, expertise, rol, beroepsgeheim } = invitation.proposal;
  const secrecy =
    beroepsgeheim.soort === 'anders' && beroepsgeheim.omschrijving
      ? beroepsgeheim.omschrijving
      : beroepsgeheimen.labels[beroepsgeheim.soort];
  return [
    { label: 'Contactpersoon', text: contactpersoon.naam },
    { label: 'Deskundigheid', text: cut(`${expertise.omschrijving} — ${expertise.motivering}`) },
    {
      label: 'Rol',
      text: cut(
        `${rol.fasen.map((f) => planFasen.labels[f].toLowerCase()).join(', ')} — ${rol.motivering}`,
      ),
    },
    { label: 'Geheimhoudingsplicht', text: secrecy },
  ];
}

function itemOf(
  context: Context,
  invitation: Invitation,
  draft: InvitationDraft | undefined,
  cut: (text: string) => string,
): NonNullable<CasusCardView['invitations'][number]>['items'][number] {
  const latest = invitation.history.at(-1);
  const decision = latest && latest.action !== 'voorstellen' ? latest : undefined;
  const decidedText = decision && decided[decision.action];
  const allowed = tableActionsFor(context, invitation);
  return {
    organisation: organisationOf(invitation),
    state: invitationStateLabels[invitation.state],
    lines: [
      {
        label: 'Voorgesteld',
        text: `door ${actorText(invitation.proposedBy, context.kamers)}, ${formatDateTime(invitation.proposedAt)}; casusoverleg ${formatDate(invitation.proposal.casusoverleg)}`,
      },
      ...(invitation.state === 'voorgesteld' ? proposalLines(invitation, cut) : []),
      ...(decision && decidedText
        ? [
            {
              label: decidedText,
              text: [
                decision.actor && `door ${actorText(decision.actor, context.kamers)}`,
                formatDateTime(decision.at),
                decision.motivation && `“${cut(decision.motivation)}”`,
              ]
                .filter(Boolean)
                .join(', '),
            },
          ]
        : []),
    ],
    forms:
      allowed.length > 0
        ? [
            {
              inputId: invitationMotivationField(invitation.id),
              label: `Motivering van je besluit over ${invitation.proposal.organisatie.naam}`,
              value: draft?.invitationId === invitation.id ? draft.motivation : '',
              actions: allowed.map((action) => ({
                invitationId: invitation.id,
                action,
                ...buttons[action],
              })),
            },
          ]
        : [],
  };
}

/**
 * The "Incidentele deelnemers" block of the casus card: each invitation with its state and who
 * proposed it; for the table's deciders the buttons on it; "Partij uitnodigen" for a deelnemer of
 * the table that handles the casus. Absent when there is nothing to show or do.
 */
export function invitationSection(
  context: Context,
  draft: InvitationDraft | undefined,
  cut: (text: string) => string,
): CasusCardView['invitations'] {
  const { viewer, casus, kamer } = context;
  const proposer = { person: viewer.person, organisation: viewer.organisation };
  const propose = mayPropose(proposer, casus, kamer);
  if (casus.invitations.length === 0 && !propose) return [];
  const shown = [...casus.invitations]
    .sort((a, b) => b.proposedAt.localeCompare(a.proposedAt))
    .slice(0, INVITATIONS_SHOWN);
  const earlier = casus.invitations.length - shown.length;
  return [
    {
      items: shown.map((invitation) => itemOf(context, invitation, draft, cut)),
      none: casus.invitations.length === 0 ? [{}] : [],
      earlier:
        earlier > 0
          ? [
              {
                text: `${earlier} eerdere ${earlier === 1 ? 'uitnodiging' : 'uitnodigingen'}, niet op deze kaart.`,
              },
            ]
          : [],
      propose: propose ? [{}] : [],
      // Signed declarations to open, or an approved invitee still to sign (a new link to send).
      participants: casus.invitations.some(
        (i) => i.state === 'ondertekend' || i.state === 'goedgekeurd',
      )
        ? [{}]
        : [],
    },
  ];
}

/** What a confirmation says will happen to the invitation, before the second press. */
function consequenceOf(action: TableAction, invitation: Invitation): string {
  const naam = invitation.proposal.organisatie.naam;
  switch (action) {
    case 'goedkeuren':
      return `Weet je het zeker? ${naam} wordt uitgenodigd als incidentele deelnemer voor deze casus. Gegevens ontvangt de genodigde pas na het ondertekenen van de geheimhoudingsverklaring (art. 2.21 lid 2 BGS).`;
    case 'afwijzen':
      return `Weet je het zeker? Het voorstel om ${naam} uit te nodigen wordt afgewezen; dit kan niet ongedaan worden. De voorsteller hoort het besluit en de motivering.`;
    case 'beeindigen':
      return `Weet je het zeker? De deelname van ${naam} aan deze casus eindigt; dit kan niet ongedaan worden.`;
  }
}

/** The second step of a decision on an invitation, when the viewer may still take it. */
export function invitationConfirmationFor(
  context: Context,
  confirm: InvitationConfirmation | undefined,
): CasusCardView['invitationConfirm'] {
  const invitation =
    confirm && context.casus.invitations.find((i) => i.id === confirm.invitationId);
  if (!confirm || !invitation || !tableActionsFor(context, invitation).includes(confirm.action))
    return [];
  return [
    {
      invitationId: invitation.id,
      action: confirm.action,
      title: confirmTitles[confirm.action],
      style: confirm.action === 'goedkeuren' ? 'positive' : 'destructive',
      consequence: consequenceOf(confirm.action, invitation),
      motivation: confirm.motivation,
    },
  ];
}

/**
 * The next step a notification about an invitation names: the decider is asked to decide, the
 * proposer reads how it ended. Undefined for an audit line about no invitation.
 */
export function invitationNextStep(
  context: Context,
  invitationId: string | undefined,
): string | undefined {
  const invitation = context.casus.invitations.find((i) => i.id === invitationId);
  if (!invitation) return undefined;
  const naam = invitation.proposal.organisatie.naam;
  if (tableActionsFor(context, invitation).some((a) => a !== 'beeindigen')) {
    return `Beslis over het voorstel om ${naam} uit te nodigen: open de casus en kies Goedkeuren of Afwijzen.`;
  }
  return `${naam}: ${invitationStateLabels[invitation.state].toLowerCase()}. Open de casus voor de stand van de uitnodiging.`;
}
