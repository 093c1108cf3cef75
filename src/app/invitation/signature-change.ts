import type { Casus } from '../../domain/casus/casus.schema';
import { applyInvitationChange } from '../../domain/invitation/casus-invitations';
import type { Invitation } from '../../domain/invitation/invitation.schema';
import { markSigned } from '../../domain/invitation/lifecycle';
import type {
  SignedDeclaration,
  SignerIdentity,
} from '../../domain/invitation/signed-declaration.schema';
import type { LinkClaims } from '../links/link-tokens';
import type { TeamsSsoIdentity } from './teams-sso';

const SIGNING_BASIS = 'art. 2.21 lid 2 BGS';

/** Who signed, as the evidence records it: the validated Teams identity, else the link's id. */
export function signerOf(teams: TeamsSsoIdentity | undefined, claims: LinkClaims): SignerIdentity {
  return teams
    ? {
        kind: 'teams-sso',
        objectId: teams.objectId,
        tenantId: teams.tenantId,
        subject: teams.subject,
      }
    : { kind: 'link', tokenId: claims.jti };
}

/** The casus with the signature: the invitation signed, the evidence, its audit line, the news. */
export function signedCasus(
  casus: Casus,
  invitation: Invitation,
  declaration: SignedDeclaration,
  linkId: string,
  outboxId: string,
): Casus {
  const at = declaration.record.signedAt;
  const marked = markSigned(invitation, at);
  if (!marked.ok) throw new Error(`Invitation ${invitation.id} checked as signable is not`);
  const { contactpersoon, organisatie } = invitation.proposal;
  return applyInvitationChange(casus, {
    invitation: { ...marked.value, signedWithLinkId: linkId },
    action: 'verklaring-ondertekend',
    // The invitee is no registry person: named as the evidence names them, by the invitation.
    actor: {
      id: contactpersoon.entraObjectId ?? invitation.id,
      name: declaration.record.typedName,
      organisationId: organisatie.registryId ?? `extern:${invitation.id}`,
      organisationName: organisatie.naam,
      role: 'incidentele deelnemer',
    },
    onBehalfOf: organisatie.naam,
    at,
    legalBasis: SIGNING_BASIS,
    declaration,
    notify: [{ id: outboxId, createdAt: at, kind: 'uitnodiging:ondertekend' }],
  });
}
