import { z } from 'zod';
import { personRefSchema } from '../casus/person-ref';
import { invitationActionSchema, invitationStateSchema } from './invitation-machine';
import { invitationProposalSchema } from './proposal.schema';
import { informationShareSchema } from './share.schema';

export const declarationVariantSchema = z.enum(['gebonden', 'niet-gebonden']);
export type DeclarationVariant = z.infer<typeof declarationVariantSchema>;

/** Which geheimhoudingsverklaring applies: fixed at approval, so the text signed is the text approved. */
export const declarationRefSchema = z.object({
  variant: declarationVariantSchema,
  version: z.number().int().min(1),
});
export type DeclarationRef = z.infer<typeof declarationRefSchema>;

/** An actor on an invitation, with the capacity they acted in (as on the casus audit lines). */
export const invitationActorSchema = personRefSchema.extend({
  role: z.string().min(1),
  kamerId: z.string().min(1),
});
export type InvitationActorRef = z.infer<typeof invitationActorSchema>;

/** One step in the invitation's history: who, when, from which state to which, why, on what basis. */
export const invitationEventSchema = z.object({
  at: z.iso.datetime(),
  action: z.union([invitationActionSchema, z.literal('voorstellen')]),
  /** Absent when the invitee signs or the casus closes: they are no registry person. */
  actor: invitationActorSchema.optional(),
  from: invitationStateSchema.nullable(),
  to: invitationStateSchema,
  motivation: z.string().optional(),
  legalBasis: z.string().min(1),
});
export type InvitationEvent = z.infer<typeof invitationEventSchema>;

/**
 * One invitation of an incidentele deelnemer to one casus at one table. It lives with the casus it
 * belongs to, so a decision on it is the same single ETag-guarded write as any casus transition.
 */
export const invitationSchema = z.object({
  id: z.uuid(),
  casusId: z.uuid(),
  /** The kamer (Lokale Kamer or ZVH) handling the casus when it was proposed; only its deciders decide. */
  tableId: z.string().min(1),
  state: invitationStateSchema,
  proposal: invitationProposalSchema,
  proposedBy: invitationActorSchema,
  proposedAt: z.iso.datetime(),
  declaration: declarationRefSchema.optional(),
  /** The id (`jti`) of the link it was signed with: each link is used once. */
  signedWithLinkId: z.string().min(1).max(100).optional(),
  history: z.array(invitationEventSchema).min(1),
  /** What the table sent the participant after signing ("Informatie delen"); absent until then. */
  shares: z.array(informationShareSchema).max(500).optional(),
});
export type Invitation = z.infer<typeof invitationSchema>;
