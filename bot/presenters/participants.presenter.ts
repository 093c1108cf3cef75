import type { Actor } from '../../src/app/identify-actor';
import type { EvidenceLinks } from '../../src/app/invitation/evidence-links';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { secrecyPhrase } from '../../src/domain/invitation/declarations/declaration-text';
import {
  invitationStateLabels,
  isParticipating,
} from '../../src/domain/invitation/invitation-machine';
import type { Invitation } from '../../src/domain/invitation/invitation.schema';
import { maySendTo } from '../../src/domain/invitation/share';
import type { AdaptiveCardJson } from '../cards/card-template';
import {
  invitationParticipantsCard,
  MAX_PARTICIPANTS_SHOWN,
  type ParticipantsCardView,
} from '../cards/invitation-participants.card';
import type { Notice } from '../cards/notice';
import { formatDateTime } from './casus-status';

function declarationLine(invitation: Invitation): string | undefined {
  const ref = invitation.declaration;
  if (!ref) return undefined;
  const secrecy = secrecyPhrase(invitation.proposal.beroepsgeheim);
  const variant =
    ref.variant === 'gebonden'
      ? `gebonden aan ${secrecy ?? 'een geheimhoudingsplicht'}`
      : 'niet gebonden aan een bijzondere geheimhoudingsplicht (art. 1.11 WGS)';
  return `${variant}, versie ${ref.version}`;
}

function sharedLine(invitation: Invitation): string | undefined {
  const shares = invitation.shares ?? [];
  const last = shares.at(-1);
  if (!last) return undefined;
  const outside = shares.filter((s) => s.delivery === 'buiten-teams').length;
  const times = shares.length === 1 ? '1 keer' : `${shares.length} keer`;
  const how = outside > 0 ? ` (${outside} niet via Teams bezorgd)` : '';
  return `${times}${how}, laatst op ${formatDateTime(last.at)}`;
}

const one = (text: string | undefined) => (text ? [{ text }] : []);

/**
 * The participants card for this viewer: every invitation of the casus, newest last, with fresh
 * viewing links (issued now, bound to this viewer) to each signed declaration while the casus is
 * open, and "Informatie delen" where the viewer may send to the participant.
 */
export async function participantsCardFor(
  actor: Actor,
  casus: Casus & { casusNumber: string },
  links: EvidenceLinks,
  notice?: Notice,
): Promise<AdaptiveCardJson> {
  const open = casus.state !== 'afgesloten';
  const shown = casus.invitations.slice(-MAX_PARTICIPANTS_SHOWN);
  const participants: ParticipantsCardView['participants'] = await Promise.all(
    shown.map(async (invitation) => {
      const signed = casus.declarations.find((d) => d.record.invitationId === invitation.id);
      const issued =
        signed && open
          ? await links.forDeclaration({
              invitationId: invitation.id,
              casusId: casus.id,
              personId: actor.person.id,
            })
          : undefined;
      const mayShare = open && isParticipating(invitation.state) && maySendTo(invitation, actor);
      const mayLink = open && invitation.state === 'goedgekeurd' && maySendTo(invitation, actor);
      return {
        organisatie: invitation.proposal.organisatie.naam,
        contact: invitation.proposal.contactpersoon.naam,
        state: invitationStateLabels[invitation.state],
        declaration: one(declarationLine(invitation)),
        signed: one(signed && formatDateTime(signed.record.signedAt)),
        shared: one(sharedLine(invitation)),
        links: issued ? [{ view: issued.view, report: issued.report }] : [],
        share: mayShare ? [{ casusId: casus.id, invitationId: invitation.id }] : [],
        signingLink: mayLink ? [{ casusId: casus.id, invitationId: invitation.id }] : [],
      };
    }),
  );
  return invitationParticipantsCard.render({
    casusId: casus.id,
    casusNumber: casus.casusNumber,
    notices: notice ? [notice] : [],
    empty: casus.invitations.length === 0 ? [{}] : [],
    closed: open ? [] : [{}],
    linkNote: participants.some((p) => p.links.length > 0) ? [{}] : [],
    participants,
  });
}
