import { createPrivateKey } from 'node:crypto';
import { z } from 'zod';
import type { Env } from './environment';

/** A private P-256 key as a JWK, for ES256 (the evidence signature). */
export const evidenceSigningJwkSchema = z.looseObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().min(1),
  y: z.string().min(1),
  d: z.string().min(1),
});
export type EvidenceSigningJwk = z.infer<typeof evidenceSigningJwkSchema>;

/**
 * The keys of the invitation flow. Absent outside Azure (no MICROSOFT_APP_ID): the app then makes
 * them once and keeps them in its store, so links and evidence survive a restart.
 */
export interface SigningKeysConfig {
  linkTokenSecret: Uint8Array | undefined;
  evidenceSigningKey: EvidenceSigningJwk | undefined;
}

/** Teams SSO in the signing dialog: whose tokens are accepted, and where their keys are published. */
export interface TeamsSsoConfig {
  /** `webApplicationInfo.id`: a v2 token's audience. */
  appId: string;
  /** `webApplicationInfo.resource`: a v1-style audience, accepted as well. */
  resource: string | undefined;
  tenantId: string;
  /** Set by tests only: a local issuer's metadata instead of Entra's. */
  openIdMetadataUrl: string | undefined;
}

/** The manifest's `webApplicationInfo.resource` unless configured otherwise (the package uses it too). */
export function defaultSsoResource(publicBaseUrl: string, ssoAppId: string): string {
  return `api://${new URL(publicBaseUrl).host}/${ssoAppId}`;
}

/** What is wrong with the two signing secrets, never what they are. */
export function signingKeyProblems(env: Env): string[] {
  const problems: string[] = [];
  const secret = env.LINK_TOKEN_SECRET;
  if (secret !== undefined) {
    const bytes = Buffer.from(secret, 'base64');
    // Buffer.from skips what is not base64; writing it back shows whether anything was skipped.
    const canonical = bytes.toString('base64').replace(/=+$/, '');
    if (canonical !== secret.replace(/=+$/, '') || bytes.byteLength < 32) {
      problems.push('LINK_TOKEN_SECRET: must be base64 of at least 32 random bytes');
    }
  }
  if (env.EVIDENCE_SIGNING_KEY !== undefined && !isEvidenceKey(env.EVIDENCE_SIGNING_KEY)) {
    problems.push('EVIDENCE_SIGNING_KEY: must be a private EC P-256 key as a JWK (ES256)');
  }
  if (env.MICROSOFT_APP_ID) {
    for (const name of ['LINK_TOKEN_SECRET', 'EVIDENCE_SIGNING_KEY', 'TEAMS_SSO_APP_ID'] as const) {
      if (!env[name]) problems.push(`${name}: required when MICROSOFT_APP_ID is set`);
    }
  }
  if (env.TEAMS_SSO_APP_ID && !env.TEAMS_SSO_TENANT_ID && !env.MICROSOFT_APP_TENANT_ID) {
    problems.push(
      'TEAMS_SSO_TENANT_ID: required for TEAMS_SSO_APP_ID without MICROSOFT_APP_TENANT_ID',
    );
  }
  for (const name of [
    'TEAMS_SSO_RESOURCE',
    'TEAMS_SSO_TENANT_ID',
    'TEAMS_SSO_OPENID_METADATA_URL',
  ] as const) {
    if (env[name] && !env.TEAMS_SSO_APP_ID) problems.push(`${name}: set without TEAMS_SSO_APP_ID`);
  }
  // Whoever publishes these keys could sign in as any invitee: only a test's own issuer on loopback.
  if (env.TEAMS_SSO_OPENID_METADATA_URL && !isLoopbackUrl(env.TEAMS_SSO_OPENID_METADATA_URL)) {
    problems.push('TEAMS_SSO_OPENID_METADATA_URL: only a loopback address (a local test issuer)');
  }
  return problems;
}

/** The signing keys and Teams SSO settings of a parsed environment (checked by `signingKeyProblems`). */
export function signingConfigOf(env: Env): {
  signingKeys: SigningKeysConfig;
  teamsSso: TeamsSsoConfig | undefined;
} {
  return {
    signingKeys: {
      linkTokenSecret: env.LINK_TOKEN_SECRET
        ? new Uint8Array(Buffer.from(env.LINK_TOKEN_SECRET, 'base64'))
        : undefined,
      evidenceSigningKey: env.EVIDENCE_SIGNING_KEY
        ? evidenceSigningJwkSchema.parse(JSON.parse(env.EVIDENCE_SIGNING_KEY))
        : undefined,
    },
    teamsSso: env.TEAMS_SSO_APP_ID
      ? {
          appId: env.TEAMS_SSO_APP_ID,
          resource:
            env.TEAMS_SSO_RESOURCE ??
            (env.PUBLIC_BASE_URL && defaultSsoResource(env.PUBLIC_BASE_URL, env.TEAMS_SSO_APP_ID)),
          // signingKeyProblems made sure one of them is set.
          tenantId: env.TEAMS_SSO_TENANT_ID ?? env.MICROSOFT_APP_TENANT_ID ?? '',
          openIdMetadataUrl: env.TEAMS_SSO_OPENID_METADATA_URL,
        }
      : undefined,
  };
}

/** Whether the text is a private P-256 JWK that Node can use; the reason could quote the key. */
function isEvidenceKey(text: string): boolean {
  try {
    createPrivateKey({ key: evidenceSigningJwkSchema.parse(JSON.parse(text)), format: 'jwk' });
    return true;
  } catch {
    return false;
  }
}

export function isLoopbackUrl(url: string): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
}
