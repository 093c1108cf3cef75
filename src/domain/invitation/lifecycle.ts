import { fail, ok, type Result } from '../shared/result';
import { invitationTransitionFor, type InvitationAction } from './invitation-machine';
import type { Invitation } from './invitation.schema';

function step(
  invitation: Invitation,
  action: Extract<InvitationAction, 'ondertekenen' | 'casus-gesloten' | 'tafel-gewisseld'>,
  at: string,
): Invitation | undefined {
  const transition = invitationTransitionFor(invitation.state, action);
  if (!transition) return undefined;
  return {
    ...invitation,
    state: transition.to,
    history: [
      ...invitation.history,
      { at, action, from: invitation.state, to: transition.to, legalBasis: transition.legalBasis },
    ],
  };
}

/**
 * The invitee signed (BGS art. 2.21 lid 2): from now on a deelnemer for this casus only. Only an
 * approved invitation can be signed; the evidence record is the caller's, written in the same write.
 */
export function markSigned(
  invitation: Invitation,
  at: string,
): Result<Invitation, 'niet-toegestaan-in-staat'> {
  const next = step(invitation, 'ondertekenen', at);
  return next ? ok(next) : fail('niet-toegestaan-in-staat');
}

/**
 * The casus closed: every participation ends and every open invitation lapses (WGS art. 2.31 lid
 * 9–10: a deelnemer for the duration of the casus only). Decided invitations stay as they are.
 */
export function closeInvitations(invitations: readonly Invitation[], at: string): Invitation[] {
  return invitations.map((invitation) => step(invitation, 'casus-gesloten', at) ?? invitation);
}

/**
 * The casus is now handled at another table (afschalen from the ZVH, or the ZVH accepting an
 * opschaling). Only the table a proposal was made to decides on it (art. 2.27 WGS), and that table
 * no longer handles the casus, so its undecided proposals lapse (verlopen) in the same write: the
 * table now handling the casus proposes anew if it wants the party, and the one-live-invitation rule
 * does not keep it from doing so. Decided invitations stay as they are: an approved invitee may
 * still sign and a signed one stays deelnemer for the duration of the casus (art. 2.31 lid 9–10 WGS),
 * unless the table now handling the casus ends it (`decide.ts`).
 */
export function lapseProposalsElsewhere(
  invitations: readonly Invitation[],
  handlingTableId: (tableId: string) => boolean,
  at: string,
): Invitation[] {
  return invitations.map((invitation) =>
    invitation.state === 'voorgesteld' && !handlingTableId(invitation.tableId)
      ? (step(invitation, 'tafel-gewisseld', at) ?? invitation)
      : invitation,
  );
}
