import { z } from 'zod';
import { personRefSchema } from '../casus/person-ref';

/** How long what is shared and its purpose may be: a card in Teams, not a file transfer. */
export const MAX_SHARE_TEXT = 2000;
export const MAX_SHARE_PURPOSE = 300;
export const MIN_SHARE_PURPOSE = 10;

/**
 * Whether the bot delivers the share: in Teams when the participant's personal chat is known, else
 * the sharer sends it another way (recorded so, so the audit trail says what was shared and how).
 */
export const shareDeliverySchema = z.enum(['teams', 'buiten-teams']);
export type ShareDelivery = z.infer<typeof shareDeliverySchema>;

/**
 * Information a deelnemer of the table sent to an incidentele deelnemer who signed: the participant
 * has no access to the casus (BGS art. 2.21 lid 3), so what they need is sent, once, and recorded.
 */
export const informationShareSchema = z.object({
  /** Also the id of the outbox entry that delivers it. */
  id: z.uuid(),
  at: z.iso.datetime(),
  /** The sharer, in the capacity they hold at the table (as on an invitation's history). */
  by: personRefSchema.extend({ role: z.string().min(1), kamerId: z.string().min(1) }),
  text: z.string().min(1).max(MAX_SHARE_TEXT),
  purpose: z.string().min(1).max(MAX_SHARE_PURPOSE),
  delivery: shareDeliverySchema,
});
export type InformationShare = z.infer<typeof informationShareSchema>;
