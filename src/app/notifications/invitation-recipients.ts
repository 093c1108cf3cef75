import type { Casus } from '../../domain/casus/casus.schema';
import type { CasusAudience } from '../casus/casus-audience';

/** Outbox kinds of the steps on an invitation; the audit line they report names the invitation. */
export const INVITATION_OUTBOX_PREFIX = 'uitnodiging:';

/**
 * Who hears of a step on an invitation: a proposal goes to the deciders of the table it was made
 * to (procesregisseurs and weegtafelleden of an overheidsdeelnemer, art. 2.27 WGS), a decision to
 * the one who proposed. Only members of the audience, as for every casus notification. The
 * invitee is not told here: they are no registry person and may see nothing of the casus.
 */
export function invitationRecipients(
  casus: Pick<Casus, 'audit' | 'invitations'>,
  kind: string,
  event: number | undefined,
  audience: CasusAudience,
): string[] {
  const invitationId = event === undefined ? undefined : casus.audit[event]?.invitationId;
  const invitation = casus.invitations.find((i) => i.id === invitationId);
  if (!invitation) return [];
  if (kind === `${INVITATION_OUTBOX_PREFIX}voorgesteld`) {
    return audience
      .decidersAt(invitation.tableId)
      .filter((id) => audience.get(id)?.organisation.category === 'overheidsdeelnemer');
  }
  return [invitation.proposedBy.id];
}
