import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { fail, ok, type Result } from '../../domain/shared/result';

const ISSUER = 'casusbot';
const AUDIENCE = 'tekst-getoond';
const ALGORITHM = 'HS256';
/** Long enough to read a declaration and sign it; a page left open longer is shown afresh. */
export const SHOWN_RECEIPT_TTL_SECONDS = 2 * 60 * 60;

const claimsSchema = z.object({
  invitationId: z.uuid(),
  textSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The link token the page was opened with: a receipt goes with its own link only. */
  linkId: z.string().min(1).max(100),
  iat: z.number().int(),
});

export interface ShownFacts {
  invitationId: string;
  textSha256: string;
  linkId: string;
  /** When the server showed the text (its clock). */
  shownAt: Date;
}

/**
 * A receipt, signed by the server, of when it showed which text for which invitation: handed to
 * the page and returned with the signature, so the evidence records the time shown without
 * writing anything before the invitee signs. HS256 under the link-token secret, with its own
 * audience, so a receipt is never accepted as a link or the other way round.
 */
export class ShownReceipts {
  constructor(
    private readonly secret: Uint8Array,
    private readonly now: () => Date,
  ) {}

  issue(facts: Omit<ShownFacts, 'shownAt'>): Promise<string> {
    const shownAt = Math.floor(this.now().getTime() / 1000);
    return new SignJWT({ ...facts })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(shownAt)
      .setExpirationTime(shownAt + SHOWN_RECEIPT_TTL_SECONDS)
      .sign(this.secret);
  }

  async verify(receipt: string): Promise<Result<ShownFacts, 'expired' | 'invalid'>> {
    try {
      const { payload } = await jwtVerify(receipt, this.secret, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [ALGORITHM],
        currentDate: this.now(),
        requiredClaims: ['exp', 'iat'],
      });
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) return fail('invalid');
      const { invitationId, textSha256, linkId, iat } = claims.data;
      return ok({ invitationId, textSha256, linkId, shownAt: new Date(iat * 1000) });
    } catch (error) {
      return fail(error instanceof errors.JWTExpired ? 'expired' : 'invalid');
    }
  }
}
