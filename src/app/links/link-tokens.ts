import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { fail, ok, type Result } from '../../domain/shared/result';

/** What a link may be used for; a token for one purpose is refused for every other. */
export const linkPurposeSchema = z.enum([
  /** The invitee opens the signing page and signs the geheimhoudingsverklaring. */
  'ondertekenen',
  /** A deelnemer opens a signed declaration or its evidence report. */
  'verklaring-bekijken',
]);
export type LinkPurpose = z.infer<typeof linkPurposeSchema>;

const claimsSchema = z.object({
  purpose: linkPurposeSchema,
  invitationId: z.uuid(),
  casusId: z.uuid(),
  /** The token's own id: recorded when it is used, so that it is used once. */
  jti: z.string().min(1).max(100),
  exp: z.number().int(),
  /** For a viewing link: the registry person it was issued to (links are not passed on). */
  sub: z.string().min(1).max(100).optional(),
  /**
   * Where the link was handed out: `teams-dialog` for the invitee's own Teams dialog (signing
   * then needs their Teams identity), absent for a link sent on by someone else.
   */
  via: z.literal('teams-dialog').optional(),
});
export type LinkClaims = z.infer<typeof claimsSchema>;

export type LinkTokenRefusal = 'expired' | 'invalid';

const ISSUER = 'casusbot';
const ALGORITHM = 'HS256';

/**
 * Signed, expiring link tokens bound to one invitation of one casus (a JWT, HS256, by `jose`).
 * Single use is not the token's to know: the step it allows records its `jti` in the casus, in the
 * same ETag-guarded write, and a later use finds the step taken.
 */
export class LinkTokens {
  constructor(
    private readonly secret: Uint8Array,
    private readonly now: () => Date,
  ) {
    if (secret.byteLength < 32) throw new Error('link token secret must be at least 32 bytes');
  }

  async issue(
    purpose: LinkPurpose,
    subject: {
      invitationId: string;
      casusId: string;
      personId?: string;
      via?: LinkClaims['via'];
    },
    ttlSeconds: number,
    jti: string,
  ): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    const exp = issuedAt + ttlSeconds;
    const token = await new SignJWT({
      purpose,
      invitationId: subject.invitationId,
      casusId: subject.casusId,
      ...(subject.via && { via: subject.via }),
    })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(purpose)
      .setIssuedAt(issuedAt)
      .setExpirationTime(exp)
      .setJti(jti)
      .setSubject(subject.personId ?? subject.invitationId)
      .sign(this.secret);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The claims of a token this server issued for this purpose, unexpired and untampered. */
  async verify(
    token: unknown,
    purpose: LinkPurpose,
  ): Promise<Result<LinkClaims, LinkTokenRefusal>> {
    if (typeof token !== 'string' || token.length > 2000) return fail('invalid');
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        issuer: ISSUER,
        audience: purpose,
        algorithms: [ALGORITHM],
        currentDate: this.now(),
        requiredClaims: ['exp', 'jti'],
      });
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success || claims.data.purpose !== purpose) return fail('invalid');
      return ok(claims.data);
    } catch (error) {
      if (error instanceof errors.JWTExpired) return fail('expired');
      return fail('invalid');
    }
  }
}
