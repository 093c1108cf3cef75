import { createHash } from 'node:crypto';
import {
  calculateJwkThumbprint,
  CompactSign,
  compactVerify,
  decodeProtectedHeader,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';
import type { EvidenceSigningJwk } from '../../config/signing-config';
import { canonicalJson } from '../../domain/shared/canonical-json';
import { fail, ok, type Result } from '../../domain/shared/result';
import type {
  EvidenceRecord,
  SignedDeclaration,
} from '../../domain/invitation/signed-declaration.schema';

const ALGORITHM = 'ES256';
/** The JWS `typ`: this payload is casusbot evidence, not a token to be accepted anywhere. */
const TYPE = 'casusbot-evidence+jws';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The SHA-256 of a record's canonical JSON: what the casus audit line carries. */
export function evidenceRecordSha256(record: EvidenceRecord): string {
  return sha256(canonicalJson(record));
}

/**
 * Signs evidence records with the deployment's key (ES256, `jose`): a compact JWS over the
 * record's canonical JSON, with the key's RFC 7638 thumbprint as `kid`, so that a verifier knows
 * which key to use after a rotation.
 */
export class EvidenceSigner {
  private constructor(
    private readonly privateKey: CryptoKey,
    readonly kid: string,
    /** The public half, to publish or give to a verifier. */
    readonly publicJwk: JWK,
  ) {}

  static async create(jwk: EvidenceSigningJwk): Promise<EvidenceSigner> {
    const { kty, crv, x, y, d } = jwk;
    const publicJwk: JWK = { kty, crv, x, y };
    const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
    const privateKey = await importJWK({ kty, crv, x, y, d }, ALGORITHM);
    if (!(privateKey instanceof CryptoKey)) throw new Error('An EC JWK imports as a CryptoKey');
    return new EvidenceSigner(privateKey, kid, { ...publicJwk, kid, alg: ALGORITHM, use: 'sig' });
  }

  async sign(record: EvidenceRecord): Promise<SignedDeclaration> {
    const payload = canonicalJson(record);
    const jws = await new CompactSign(new TextEncoder().encode(payload))
      .setProtectedHeader({ alg: ALGORITHM, kid: this.kid, typ: TYPE })
      .sign(this.privateKey);
    return { record, jws, recordSha256: sha256(payload) };
  }
}

export type EvidenceCheckFailure =
  /** Signed with a key that is not among those given (another deployment, or a rotated key). */
  | 'unknown-key'
  /** The JWS does not verify with the key its `kid` names: altered, or not ours. */
  | 'bad-signature'
  /** The JWS is sound, but the record stored beside it is not what it signed. */
  | 'record-differs'
  /** `recordSha256` (what the audit line carries) is not the hash of the record. */
  | 'hash-differs';

/** Checks a stored declaration against the deployment's public key(s). */
export async function verifyEvidence(
  signed: SignedDeclaration,
  publicKeys: readonly JWK[],
): Promise<Result<{ kid: string }, EvidenceCheckFailure>> {
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(signed.jws).kid;
  } catch {
    return fail('bad-signature');
  }
  const jwk = publicKeys.find((key) => key.kid === kid);
  if (!kid || !jwk) return fail('unknown-key');
  let payload: string;
  try {
    const verified = await compactVerify(signed.jws, await importJWK(jwk, ALGORITHM), {
      algorithms: [ALGORITHM],
    });
    payload = new TextDecoder().decode(verified.payload);
  } catch {
    return fail('bad-signature');
  }
  if (payload !== canonicalJson(signed.record)) return fail('record-differs');
  if (sha256(payload) !== signed.recordSha256) return fail('hash-differs');
  return ok({ kid });
}
