import { channelEntriesOf } from '../channel/channel-entries';
import { appendAuditLine } from '../casus/audit-chain';
import type { AuditEntry, Casus, OutboxEntry } from '../casus/casus.schema';
import type { InvitationAuditAction } from './invitation-audit';
import type { Invitation } from './invitation.schema';
import type { SignedDeclaration } from './signed-declaration.schema';

export interface InvitationChange {
  /** The invitation as it is after the step: added when new, replaced by id otherwise. */
  invitation: Invitation;
  action: InvitationAuditAction;
  /** Who took the step, in which capacity; for a signature, the invitee as the evidence names them. */
  actor: AuditEntry['actor'];
  onBehalfOf: string;
  at: string;
  motivation?: string;
  legalBasis: string;
  activityId?: string;
  /** A signature's evidence, written once with the step that records it. */
  declaration?: SignedDeclaration;
  notify?: Omit<OutboxEntry, 'auditIndex'>[];
}

/**
 * The casus after a step on one of its invitations: the invitation in place, one audit line naming
 * it (the casus state unchanged), its notifications in the outbox, one revision up. Pure; the
 * caller writes it with the ETag it read, as every casus change.
 */
export function applyInvitationChange(casus: Casus, change: InvitationChange): Casus {
  const known = casus.invitations.some((i) => i.id === change.invitation.id);
  const invitations = known
    ? casus.invitations.map((i) => (i.id === change.invitation.id ? change.invitation : i))
    : [...casus.invitations, change.invitation];
  const chained = appendAuditLine(casus, {
    at: change.at,
    actor: change.actor,
    onBehalfOf: change.onBehalfOf,
    action: change.action,
    from: casus.state,
    to: casus.state,
    motivation: change.motivation,
    legalBasis: change.legalBasis,
    activityId: change.activityId,
    invitationId: change.invitation.id,
    ...(change.declaration && { evidenceSha256: change.declaration.recordSha256 }),
  });
  return {
    ...casus,
    revision: casus.revision + 1,
    invitations,
    declarations: change.declaration
      ? [...casus.declarations, change.declaration]
      : casus.declarations,
    ...chained,
    outbox: [
      ...casus.outbox,
      ...(change.notify ?? []).map((entry) => ({ ...entry, auditIndex: casus.audit.length })),
      ...channelEntriesOf(chained.audit),
    ],
  };
}
