import type { Invitation } from '../../src/domain/invitation/invitation.schema';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import type { AdaptiveCardJson } from '../cards/card-template';
import { invitationLinkCard, linkReasons } from '../cards/invitation-link.card';
import { invitationSignCard } from '../cards/invitation-sign.card';
import { formatDate, formatDateTime, withArticle } from './casus-status';

/** What an invitee's cards name of a casus: only its id and number. */
export interface InviteeCasus {
  id: string;
  casusNumber: string;
}

const proposerOf = (invitation: Invitation) =>
  `${invitation.proposedBy.name}, ${invitation.proposedBy.organisationName}`;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The invitee's own card with "Ondertekenen" (`table`: the kamer the invitation was made at). */
export function signCardFor(
  casus: InviteeCasus,
  invitation: Invitation,
  table: Kamer,
): AdaptiveCardJson {
  return invitationSignCard.render({
    casusId: casus.id,
    invitationId: invitation.id,
    casusNumber: casus.casusNumber,
    table: capitalised(withArticle(table)),
    organisation: invitation.proposal.organisatie.naam,
    meeting: formatDate(invitation.proposal.casusoverleg),
    proposer: proposerOf(invitation),
  });
}

/**
 * The proposer's card with a link to send on, and an e-mail to the invitee already written: the
 * proposer presses a button instead of composing one, and the link reaches the address on the
 * invitation.
 */
export function linkCardFor(
  casus: InviteeCasus,
  invitation: Invitation,
  link: { url: string; expiresAt: Date },
  why: keyof typeof linkReasons,
): AdaptiveCardJson {
  const { naam, email } = invitation.proposal.contactpersoon;
  const expiresAt = formatDateTime(link.expiresAt.toISOString());
  const body = [
    `Beste ${naam},`,
    '',
    `U bent uitgenodigd als incidentele deelnemer voor casus ${casus.casusNumber}, voor het casusoverleg van ${formatDate(invitation.proposal.casusoverleg)}.`,
    `Onderteken eerst de geheimhoudingsverklaring met deze link. De link werkt één keer en is geldig tot ${expiresAt}:`,
    '',
    link.url,
    '',
    'Met vriendelijke groet,',
    proposerOf(invitation),
  ].join('\r\n');
  const query = new URLSearchParams({
    subject: `Geheimhoudingsverklaring casus ${casus.casusNumber}`,
    body,
  });
  return invitationLinkCard.render({
    casusId: casus.id,
    casusNumber: casus.casusNumber,
    contactName: naam,
    organisation: invitation.proposal.organisatie.naam,
    email,
    why: linkReasons[why],
    url: link.url,
    // mailto wants %20 for spaces, not the "+" of a form query.
    mailto: `mailto:${encodeURI(email)}?${query.toString().replace(/\+/g, '%20')}`,
    expiresAt,
  });
}
