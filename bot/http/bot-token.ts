import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';

/** Bot Framework channel tokens (Teams' calls to the bot) are issued by this party alone. */
const CHANNEL_TOKEN_ISSUER = 'https://api.botframework.com';
export const BOT_FRAMEWORK_OPENID_METADATA_URL =
  'https://login.botframework.com/v1/.well-known/openidconfiguration';
const FETCH_TIMEOUT_MS = 3000;

export type TokenCheck =
  { ok: true } | { ok: false; reason: 'no-bearer-token' | 'invalid-token' | 'keys-unavailable' };

const openIdConfigurationSchema = z.object({ jwks_uri: z.url({ protocol: /^https?$/ }) });

/** jose names what is wrong with a token; a key set it could not fetch is our problem, not the caller's. */
function isTokenProblem(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_') && code !== 'ERR_JWKS_TIMEOUT';
}

/**
 * Checks the bearer token of a request before anything reads its body: signature by a key the
 * Bot Framework publishes, issuer, audience (this bot) and lifetime. botbuilder checks again, with
 * the activity (endorsements, serviceUrl); this first check is what keeps a forged or missing token
 * from reaching any parser, and lets every such request be answered 401 alike.
 */
export class BotTokenVerifier {
  private keys: Promise<JWTVerifyGetKey> | undefined;

  constructor(
    private readonly appId: string,
    private readonly metadataUrl = BOT_FRAMEWORK_OPENID_METADATA_URL,
  ) {}

  async verify(authorization: string | undefined): Promise<TokenCheck> {
    const token = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(
      authorization ?? '',
    )?.[1];
    if (!token) return { ok: false, reason: 'no-bearer-token' };
    let keys: JWTVerifyGetKey;
    try {
      keys = await this.signingKeys();
    } catch {
      this.keys = undefined; // asked again with the next request
      return { ok: false, reason: 'keys-unavailable' };
    }
    try {
      await jwtVerify(token, keys, {
        issuer: CHANNEL_TOKEN_ISSUER,
        audience: this.appId,
        algorithms: ['RS256'],
        clockTolerance: 300, // as botbuilder: clocks of Azure hosts drift a little
      });
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: isTokenProblem(error) ? 'invalid-token' : 'keys-unavailable' };
    }
  }

  /** The published keys, located once through the OpenID metadata; jose caches and refreshes them. */
  private signingKeys(): Promise<JWTVerifyGetKey> {
    this.keys ??= (async () => {
      const response = await fetch(this.metadataUrl, {
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`OpenID metadata answered ${response.status}`);
      const { jwks_uri } = openIdConfigurationSchema.parse(await response.json());
      return createRemoteJWKSet(new URL(jwks_uri), { timeoutDuration: FETCH_TIMEOUT_MS });
    })();
    return this.keys;
  }
}
