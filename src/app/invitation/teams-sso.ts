import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { TeamsSsoConfig } from '../../config/signing-config';
import { fail, ok, type Result } from '../../domain/shared/result';

/** Who a validated Teams SSO token names. */
export interface TeamsSsoIdentity {
  objectId: string;
  tenantId: string;
  /** The token's `sub`: pairwise per application. */
  subject: string;
}

/** `invalid`: not a token of our tenant for our app; `unavailable`: Entra's keys could not be had. */
export type TeamsSsoRefusal = 'invalid' | 'unavailable';

/** The port the signing use case validates an SSO token through. */
export interface TeamsSsoValidator {
  validate(token: string): Promise<Result<TeamsSsoIdentity, TeamsSsoRefusal>>;
}

const claimsSchema = z.object({ oid: z.guid(), tid: z.guid(), sub: z.string().min(1).max(200) });
const metadataSchema = z.object({ jwks_uri: z.url() });

/** Bounds each fetch of the metadata or keys: a signing request must be answered in time. */
const FETCH_TIMEOUT_MS = 3000;

/**
 * Validates the token of teams-js `authentication.getAuthToken()` against Entra ID's published
 * keys (`jose`): signature, the v2 issuer of the one allowed tenant, audience the manifest's
 * `webApplicationInfo` (its app id, or its resource for v1-style audiences), lifetime, and `tid`.
 * Entra's v1 issuer (sts.windows.net) is not accepted: the app registration must ask for v2 tokens
 * (`accessTokenAcceptedVersion: 2`, see README).
 */
export class EntraSsoValidator implements TeamsSsoValidator {
  private keys: Promise<JWTVerifyGetKey> | undefined;
  private readonly issuer: string;

  constructor(
    private readonly config: TeamsSsoConfig,
    private readonly now: () => Date,
  ) {
    this.issuer = `https://login.microsoftonline.com/${config.tenantId}/v2.0`;
  }

  async validate(token: string): Promise<Result<TeamsSsoIdentity, TeamsSsoRefusal>> {
    let keys: JWTVerifyGetKey;
    try {
      keys = await this.keySet();
    } catch {
      this.keys = undefined; // the next request tries the metadata again
      return fail('unavailable');
    }
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: this.issuer,
        audience: [this.config.appId, ...(this.config.resource ? [this.config.resource] : [])],
        algorithms: ['RS256'],
        currentDate: this.now(),
        requiredClaims: ['exp', 'oid', 'tid', 'sub'],
      });
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success || claims.data.tid !== this.config.tenantId) return fail('invalid');
      return ok({
        objectId: claims.data.oid,
        tenantId: claims.data.tid,
        subject: claims.data.sub,
      });
    } catch (error) {
      if (error instanceof errors.JWKSTimeout) return fail('unavailable');
      if (error instanceof errors.JOSEError) return fail('invalid');
      // A key set that cannot be fetched throws a plain error (fetch failed): Entra, not the token.
      return fail('unavailable');
    }
  }

  /** Entra's tenant metadata names where the keys are; `jose` caches and refreshes them. */
  private keySet(): Promise<JWTVerifyGetKey> {
    this.keys ??= (async () => {
      const url =
        this.config.openIdMetadataUrl ??
        `https://login.microsoftonline.com/${this.config.tenantId}/v2.0/.well-known/openid-configuration`;
      const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`OpenID metadata answered ${response.status}`);
      const { jwks_uri } = metadataSchema.parse(await response.json());
      return createRemoteJWKSet(new URL(jwks_uri), { timeoutDuration: FETCH_TIMEOUT_MS });
    })();
    return this.keys;
  }
}
