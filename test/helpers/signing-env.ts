import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** The signing settings production requires (with MICROSOFT_APP_ID), made fresh for a test. */
export function signingEnv(): Record<string, string> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    LINK_TOKEN_SECRET: randomBytes(32).toString('base64'),
    EVIDENCE_SIGNING_KEY: JSON.stringify(privateKey.export({ format: 'jwk' })),
    TEAMS_SSO_APP_ID: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8',
  };
}
