import { z } from 'zod';

/**
 * A casus's own bewaartermijn clock, started in the write that closes or rejects it: when its
 * personal data is due to go. A legal hold (bewaarplicht: a complaint, a court case, a request of
 * the Autoriteit Persoonsgegevens) stops the clock while it lasts; lifting it moves the end by the
 * time it was held, so the hold neither shortens nor eats the term.
 */
export const retentionClockSchema = z.object({
  startedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  hold: z.object({ since: z.iso.datetime(), byPersonId: z.string().min(1).max(100) }).optional(),
});
export type RetentionClock = z.infer<typeof retentionClockSchema>;

/** Why a casus's personal data went: its bewaartermijn ran out, or an erasure request was granted. */
export const anonymisationReasonSchema = z.enum(['bewaartermijn', 'wissing']);
export type AnonymisationReason = z.infer<typeof anonymisationReasonSchema>;

/** Set in the write that reduced the casus to its stub. */
export const anonymisedSchema = z.object({
  at: z.iso.datetime(),
  reason: anonymisationReasonSchema,
});
