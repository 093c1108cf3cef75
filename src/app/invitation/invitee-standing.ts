import type { CasusRepository } from '../../domain/casus/casus.repository';
import { isParticipating } from '../../domain/invitation/invitation-machine';
import { participantUserId } from '../../domain/invitation/share';
import type { Invitation } from '../../domain/invitation/invitation.schema';
import { signableInvitation } from './signing-status';

/** Invitations of one person at most: more than anyone is invited to at the same time. */
const MAX_INVITATIONS = 20;

export interface InviteeStanding {
  /** Approved and not yet signed, the casus still open: they may be asked to sign these. */
  signable: { casus: { id: string; casusNumber: string }; invitation: Invitation }[];
  /** Asked to sign or taking part now: the bot may keep where to reach them. */
  reachable: boolean;
}

/**
 * Where a Teams user who may not use the system stands as an invitee: the approved invitations
 * naming their Entra object id that they can sign now, and whether they are to be reached at all
 * (asked to sign, or taking part after signing). A proposal the table has not approved, or one
 * that ended, makes nobody reachable: until the table decides, the bot keeps nothing of them.
 * One query, only for those the registry refuses.
 */
export async function inviteeStanding(
  casussen: Pick<CasusRepository, 'listInvitationsOf'>,
  objectId: string,
): Promise<InviteeStanding> {
  const id = objectId.toLowerCase();
  const standing: InviteeStanding = { signable: [], reachable: false };
  for (const casus of await casussen.listInvitationsOf(id, MAX_INVITATIONS)) {
    const theirs = casus.invitations.filter((i) => participantUserId(i) === id);
    for (const invitation of theirs) {
      if (casus.state !== 'afgesloten' && isParticipating(invitation.state)) {
        standing.reachable = true;
      }
      const signable = signableInvitation(casus, invitation.id);
      if (signable.ok && casus.casusNumber) {
        standing.reachable = true;
        standing.signable.push({
          casus: { id: casus.id, casusNumber: casus.casusNumber },
          invitation: signable.value,
        });
      }
    }
  }
  return standing;
}
