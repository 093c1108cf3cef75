import { z } from 'zod';

/**
 * What happens to an invitation, as the casus audit trail records it. The casus state does not
 * change on these lines (`from` and `to` are the same); the line names the invitation.
 */
export const invitationAuditActionSchema = z.enum([
  'uitnodiging-voorgesteld',
  'uitnodiging-goedgekeurd',
  'uitnodiging-afgewezen',
  'uitnodiging-beeindigd',
  'verklaring-ondertekend',
  'informatie-gedeeld',
]);
export type InvitationAuditAction = z.infer<typeof invitationAuditActionSchema>;
