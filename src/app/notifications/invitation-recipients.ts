import type { Casus } from '../../domain/casus/casus.schema';
import type { CasusAudience } from '../casus/casus-audience';

/** Outbox kinds of the steps on an invitation; the audit line they report names the invitation. */
export const INVITATION_OUTBOX_PREFIX = 'uitnodiging:';

/**
 * Who hears of a step on an invitation: a proposal goes to the deciders of the table it was made
 * to (procesregisseurs and weegtafelleden of an overheidsdeelnemer, art. 2.27 WGS), a decision to
 * the one who proposed, a signature to the one who proposed and the table's deciders (the table
 * must know who takes part now). Only members of the audience, as for every casus notification. The
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
  const tableDeciders = () =>
    audience
      .decidersAt(invitation.tableId)
      .filter((id) => audience.get(id)?.organisation.category === 'overheidsdeelnemer');
  if (kind === `${INVITATION_OUTBOX_PREFIX}voorgesteld`) return tableDeciders();
  if (kind === `${INVITATION_OUTBOX_PREFIX}ondertekend`) {
    return [...new Set([invitation.proposedBy.id, ...tableDeciders()])];
  }
  return [invitation.proposedBy.id];
}
