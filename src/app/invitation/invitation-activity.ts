import type { AuditEntry, Casus } from '../../domain/casus/casus.schema';
import type { InvitationAuditAction } from '../../domain/invitation/invitation-audit';
import type { Invitation } from '../../domain/invitation/invitation.schema';

/**
 * The invitation this Teams activity already changed, by this person with this step, if any: a
 * repeated delivery, or a write whose answer was lost after the store applied it, must end as
 * "vastgelegd", never as a second invitation or a second decision.
 */
export function invitationRecordedBy(
  casus: Pick<Casus, 'audit' | 'invitations'>,
  change: { activityId: string | undefined; personId: string; action: InvitationAuditAction },
): Invitation | undefined {
  if (change.activityId === undefined) return undefined;
  const line = casus.audit.find(
    (entry: AuditEntry) =>
      entry.activityId === change.activityId &&
      entry.actor.id === change.personId &&
      entry.action === change.action,
  );
  return line && casus.invitations.find((invitation) => invitation.id === line.invitationId);
}
