import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { LinkTokenRefusal } from './link-tokens';

/** What can be downloaded: a casus dossier, an inzage for a betrokkene, a list from the access log. */
export const downloadKindSchema = z.enum(['dossier', 'inzage', 'toegangslog']);
export type DownloadKind = z.infer<typeof downloadKindSchema>;
export const downloadFormatSchema = z.enum(['pdf', 'json', 'csv']);
export type DownloadFormat = z.infer<typeof downloadFormatSchema>;

/**
 * What a download link names. `ref` says which document (a casus id, a keyed betrokkene hash, a
 * period): never personal data in clear, since a token's payload is readable by whoever holds it.
 */
export interface DownloadRequest {
  kind: DownloadKind;
  format: DownloadFormat;
  ref: string;
}

const claimsSchema = z.object({
  kind: downloadKindSchema,
  format: downloadFormatSchema,
  ref: z.string().min(1).max(500),
  /** The registry person it was issued to: checked again when it is used. */
  sub: z.guid(),
  jti: z.string().min(1).max(100),
  exp: z.number().int(),
});
export type DownloadClaims = z.infer<typeof claimsSchema>;

/** Long enough to open it and save the file, not long enough to pass it on. */
export const DOWNLOAD_LINK_SECONDS = 15 * 60;

const ISSUER = 'casusbot';
/** The audience no other link token has, so a signing or viewing token never opens a download. */
const AUDIENCE = 'downloaden';
const ALGORITHM = 'HS256';

/**
 * Signed, expiring links to a document made on request (a JWT, HS256, by `jose`), bound to the
 * person who asked. The document is made when the link is opened, for that person as they are
 * then (the registry is asked again), and the making is recorded in the access log.
 */
export class DownloadLinks {
  constructor(
    private readonly secret: Uint8Array,
    private readonly now: () => Date,
    /** The bot's public address; known only once the server listens when it is not configured. */
    private readonly baseUrl: () => string,
    private readonly newId: () => string,
  ) {
    if (secret.byteLength < 32) throw new Error('download link secret must be at least 32 bytes');
  }

  async issue(
    personId: string,
    request: DownloadRequest,
  ): Promise<{ url: string; expiresAt: Date }> {
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    const exp = issuedAt + DOWNLOAD_LINK_SECONDS;
    const token = await new SignJWT({ ...request })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(exp)
      .setJti(this.newId())
      .setSubject(personId)
      .sign(this.secret);
    const base = this.baseUrl().replace(/\/+$/, '');
    return {
      url: `${base}/download/${encodeURIComponent(token)}.${request.format}`,
      expiresAt: new Date(exp * 1000),
    };
  }

  async verify(token: unknown): Promise<Result<DownloadClaims, LinkTokenRefusal>> {
    if (typeof token !== 'string' || token.length > 2000) return fail('invalid');
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [ALGORITHM],
        currentDate: this.now(),
        requiredClaims: ['exp', 'jti', 'sub'],
      });
      const claims = claimsSchema.safeParse(payload);
      return claims.success ? ok(claims.data) : fail('invalid');
    } catch (error) {
      if (error instanceof errors.JWTExpired) return fail('expired');
      return fail('invalid');
    }
  }
}
