import { z } from 'zod';
import { casusDeadlineSchema } from '../deadlines/casus-deadline';
import { assessmentSchema } from '../intake/assessment';
import { casusActionSchema } from './casus-machine';
import { closeReasonSchema } from './close-reason';
import { formValuesSchema, intakeSteps } from '../intake/intake-form';
import { intakeSchema } from '../intake/intake.schema';
import { migrateLegacySubmission } from '../intake/legacy-intake';
import { invitationAuditActionSchema } from '../invitation/invitation-audit';
import { betrokkeneRightsActionSchema } from '../betrokkene/rights-audit';
import { invitationSchema } from '../invitation/invitation.schema';
import { signedDeclarationSchema } from '../invitation/signed-declaration.schema';
import { personRefSchema } from './person-ref';
import { retentionAuditActionSchema } from '../retention/retention-audit';
import { anonymisedSchema, retentionClockSchema } from '../retention/retention.schema';
import { sha256HexSchema } from '../shared/sha256-hex';

/** Every state a casus can be in; the transitions between them live in the casus state machine. */
export const casusStateSchema = z.enum([
  'concept',
  'aangemeld',
  'aanvulling_gevraagd',
  'afgewezen',
  'in_behandeling_lokaal',
  'opschaling_aangevraagd',
  'in_behandeling_zvh',
  'afgesloten',
]);
export type CasusState = z.infer<typeof casusStateSchema>;

export { personRefSchema, type PersonRef } from './person-ref';

/**
 * One line of the append-only audit trail, written in the same ETag-guarded write as the change it
 * records: who (in which role, on whose behalf), when, from which state to which, why, on what basis.
 */
export const auditEntrySchema = z.object({
  at: z.iso.datetime(),
  /** `kamerId`: the kamer where a decision role is held, named on the audit line. */
  actor: personRefSchema.extend({ role: z.string().min(1), kamerId: z.string().optional() }),
  onBehalfOf: z.string().min(1),
  action: z.union([
    casusActionSchema,
    z.literal('intake-gestart'),
    invitationAuditActionSchema,
    betrokkeneRightsActionSchema,
    retentionAuditActionSchema,
  ]),
  from: casusStateSchema.nullable(),
  to: casusStateSchema,
  motivation: z.string().optional(),
  /** Set when the casus is closed (afsluiten). */
  closeReason: closeReasonSchema.optional(),
  legalBasis: z.string().min(1),
  activityId: z.string().optional(),
  /** On an invitation's line (proposal, decision, signature, share): which invitation. */
  invitationId: z.uuid().optional(),
  /** On a signature's line: the SHA-256 of the signed evidence record, so the chain covers it. */
  evidenceSha256: sha256HexSchema.optional(),
  /**
   * The hash chain (see `audit-chain.ts`): the SHA-256 of the line before this one (of the casus
   * id for the first line), and of this line itself. Lines written before the chain have neither.
   */
  prevHash: sha256HexSchema.optional(),
  hash: sha256HexSchema.optional(),
  /**
   * On the anonymisation's line: the head of the trail before its motivations were removed and
   * the chain rebuilt over what is left, so an earlier copy of the full trail can be checked.
   */
  replacesHead: sha256HexSchema.optional(),
  /** On an extension of the bewaartermijn: by how many months. */
  months: z.number().int().min(1).max(240).optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A notification to send after the write that created it: the outbox replaces a change feed. */
export const outboxEntrySchema = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  kind: z.string().min(1),
  /** The audit line it reports: its actor is not told of their own action. */
  auditIndex: z.number().int().min(0).optional(),
  sentAt: z.iso.datetime().optional(),
  /**
   * The recipients whose delivery of it is over: they got it, or their chat refuses it for good.
   * A retry goes only to the others, so nobody gets the same notification twice.
   */
  doneFor: z.array(z.guid()).optional(),
  /** Deliveries that left a recipient to try again (throttled, unavailable): bounded. */
  attempts: z.number().int().min(1).optional(),
  /** A channel entry: the kamers whose thread has it already, so a retry posts only in the others. */
  doneIn: z.array(z.string().min(1).max(100)).optional(),
  /** A deadline notice: the step it is about and that step's due time. */
  notice: z.object({ state: casusStateSchema, dueAt: z.iso.datetime() }).optional(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/**
 * One casus is one document: its state, its audit trail and its outbox, so that every change is
 * one ETag-guarded replace. `revision` counts writes; cards carry it to recognise stale submits.
 */
export const casusSchema = z.object({
  kind: z.literal('casus'),
  id: z.uuid(),
  revision: z.number().int().min(0),
  state: casusStateSchema,
  createdAt: z.iso.datetime(),
  createdBy: personRefSchema,
  /** The wizard's progress and the answers as typed; kept after submit for requests for information. */
  intake: z.object({
    step: z.enum(intakeSteps),
    values: formValuesSchema,
    /** The activity that saved the draft last: a repeated or unanswered save is recognised. */
    activityId: z.string().optional(),
  }),
  /** Set at submit (aanmelding): where the casus is handled and its number there. */
  kamerId: z.string().optional(),
  casusNumber: z.string().optional(),
  /** The checked intake and its BGS art. 2.20 assessment at the moment of submitting. */
  submission: z
    .preprocess(
      migrateLegacySubmission,
      z.object({
        submittedAt: z.iso.datetime(),
        intake: intakeSchema,
        assessment: assessmentSchema,
      }),
    )
    .optional(),
  /**
   * Set at submit: a keyed hash of the betrokkene's normalised name and date of birth, the only
   * trace of them that is indexed, so deciders can find a casus by betrokkene (see
   * `src/domain/casus/betrokkene-key.ts`). Casussen submitted before it existed have none.
   */
  betrokkeneKey: z.string().min(1).max(100).optional(),
  /**
   * Set at submit when the intake has a BSN: its keyed hash (the same key, another domain), so the
   * contactpunt can find every casus of a betrokkene by BSN without the BSN in any index. Casussen
   * submitted before it existed have none and are found by name and date of birth only.
   */
  bsnKey: z.string().min(1).max(100).optional(),
  audit: z.array(auditEntrySchema),
  /**
   * The hash of the last audit line, so that lines cut off the end are noticed too. Written with
   * every audit line; casussen from before the chain have none until their next line.
   */
  auditHead: sha256HexSchema.optional(),
  outbox: z.array(outboxEntrySchema),
  /** The casus cards the bot sent into personal chats, so that every copy follows each change. */
  cards: z
    .array(
      z.object({
        personId: z.guid(),
        activityId: z.string().min(1),
        /** The audit line the card reported, so that a superseded copy keeps one line of it. */
        event: z.number().int().min(0).optional(),
        /** The casus revision it shows: a later delivery leaves a copy that is in line alone. */
        revision: z.number().int().min(0).optional(),
      }),
    )
    .default([]),
  /**
   * The incidentele deelnemers proposed for this casus (BGS art. 2.21), with their decisions: kept
   * with the casus so that every step on them is the same single ETag-guarded write.
   */
  invitations: z.array(invitationSchema).default([]),
  /** The signed geheimhoudingsverklaringen: written once, at signing, and never changed. */
  declarations: z.array(signedDeclarationSchema).default([]),
  /**
   * The casus's threads in its kamers' channels: where the root card is (updated in place after
   * every change) and where replies go. One per kamer at most; none when no channel was linked.
   */
  threads: z
    .array(
      z.object({
        kamerId: z.string().min(1).max(100),
        /** The channel's conversation id the thread was started in. */
        channelId: z.string().min(1).max(500),
        /** The root post's activity id: replies go to `channelId;messageid=<it>`. */
        rootActivityId: z.string().min(1).max(500),
        /** A digest of what the root card shows now: it is updated only when that changes. */
        rootDigest: z.string().max(100).optional(),
      }),
    )
    .optional(),
  /**
   * The termijn of the current step (aangemeld, aanvulling gevraagd, opschaling aangevraagd), set
   * in the transition's own write; absent in a step without one.
   */
  deadline: casusDeadlineSchema.optional(),
  /**
   * The bewaartermijn clock, started in the write that closes or rejects the casus (see
   * `src/domain/retention/`): when its personal data is due to go, or the legal hold that stops it.
   */
  retention: retentionClockSchema.optional(),
  /** Set when the personal data went (sweep or erasure): what is left is the accountable stub. */
  anonymised: anonymisedSchema.optional(),
  /** Which bot instance is delivering the outbox now, and until when: others leave it alone. */
  deliveryLease: z.object({ holder: z.string().min(1), until: z.iso.datetime() }).optional(),
});
export type Casus = z.infer<typeof casusSchema>;
