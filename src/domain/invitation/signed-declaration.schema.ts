import { z } from 'zod';
import { sha256HexSchema } from '../shared/sha256-hex';
import { declarationRefSchema } from './invitation.schema';
import { SIGNATURE_LIMITS } from './signature-limits';

/**
 * A point of a drawn stroke, in CSS pixels of the signing pad, with its time (ms since the pad
 * opened). Stored records are read with this lenient shape: a bound added later must not make a
 * casus holding an older record unreadable, so what is drawn from it is clamped instead.
 */
export const signaturePointSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  t: z.number().finite().min(0),
});

/** The drawn signature: the strokes as vector points, and as the SVG the pad made of them. */
export const drawnSignatureSchema = z.object({
  width: z.number().int().min(1).max(4000),
  height: z.number().int().min(1).max(4000),
  strokes: z
    .array(z.array(signaturePointSchema).min(1).max(SIGNATURE_LIMITS.pointsPerStroke))
    .min(1)
    .max(SIGNATURE_LIMITS.strokes),
  svg: z.string().min(1).max(SIGNATURE_LIMITS.svgChars),
});
export type DrawnSignature = z.infer<typeof drawnSignatureSchema>;

/**
 * The drawing as a page may submit it: every point on the pad and a sane time. A point off the pad
 * would be evidence of nothing and, huge, cannot be drawn into the report.
 */
export const submittedSignatureSchema = drawnSignatureSchema.superRefine((signature, context) => {
  const { width, height } = signature;
  const points = signature.strokes.flat();
  // One issue per kind, not one per point: a forged drawing may hold 200,000 of them.
  if (points.some((p) => p.x < 0 || p.x > width || p.y < 0 || p.y > height)) {
    context.addIssue({
      code: 'custom',
      path: ['strokes'],
      message: 'De handtekening valt buiten het vak. Wis het vak en teken opnieuw.',
    });
  }
  if (points.some((p) => p.t > SIGNATURE_LIMITS.pointMs)) {
    context.addIssue({
      code: 'custom',
      path: ['strokes'],
      message: 'De handtekening is te lang geleden gezet. Open de link opnieuw.',
    });
  }
});

/** Who signed: a Teams user by their SSO token, or whoever held the link (its token id). */
export const signerIdentitySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('teams-sso'),
    /** The Entra object id (`oid`) and tenant (`tid`) of the validated SSO token. */
    objectId: z.guid(),
    tenantId: z.guid(),
    /** The token's `sub`, pairwise per application. */
    subject: z.string().min(1).max(200),
  }),
  z.object({ kind: z.literal('link'), tokenId: z.string().min(1).max(100) }),
]);
export type SignerIdentity = z.infer<typeof signerIdentitySchema>;

/**
 * The evidence of one signed geheimhoudingsverklaring (BGS art. 2.21 lid 2), as the server
 * recorded it: what was shown (variant, version and the SHA-256 of the exact text), who signed
 * and how, and when (server clock, UTC). Written once and never changed.
 */
export const evidenceRecordSchema = z.object({
  id: z.uuid(),
  invitationId: z.uuid(),
  casusId: z.uuid(),
  casusNumber: z.string().min(1),
  declaration: declarationRefSchema,
  textSha256: sha256HexSchema,
  typedName: z.string().min(2).max(100),
  consent: z.literal(true),
  signature: drawnSignatureSchema,
  shownAt: z.iso.datetime(),
  signedAt: z.iso.datetime(),
  signer: signerIdentitySchema,
  userAgent: z.string().max(500),
});
export type EvidenceRecord = z.infer<typeof evidenceRecordSchema>;

/**
 * The record with the server's signature over it: a compact JWS whose payload is the record's
 * canonical JSON, and the SHA-256 of that JSON, which the casus audit line carries.
 */
export const signedDeclarationSchema = z.object({
  record: evidenceRecordSchema,
  jws: z.string().min(1),
  recordSha256: sha256HexSchema,
});
export type SignedDeclaration = z.infer<typeof signedDeclarationSchema>;
