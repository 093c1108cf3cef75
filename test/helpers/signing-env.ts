import { generateKeyPairSync, randomBytes } from 'node:crypto';

/**
 * Every secret `signingEnv` made in this process (the link token secret, the evidence key and its
 * private part): the reliability suite's secrets section looks for each in every log line.
 */
export const signingSecretsMade: string[] = [];

/** The signing settings production requires (with MICROSOFT_APP_ID), made fresh for a test. */
export function signingEnv(): Record<string, string> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' });
  const env = {
    LINK_TOKEN_SECRET: randomBytes(32).toString('base64'),
    EVIDENCE_SIGNING_KEY: JSON.stringify(jwk),
    TEAMS_SSO_APP_ID: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8',
  };
  signingSecretsMade.push(env.LINK_TOKEN_SECRET, env.EVIDENCE_SIGNING_KEY, String(jwk.d));
  return env;
}
