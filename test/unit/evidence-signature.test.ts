import assert from 'node:assert/strict';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { EvidenceSigner, verifyEvidence } from '../../src/app/invitation/evidence-signature';
import { canonicalJson } from '../../src/domain/shared/canonical-json';
import type { EvidenceRecord } from '../../src/domain/invitation/signed-declaration.schema';
import { drawnSignature, testEvidenceJwk } from '../helpers/signing-fixtures';

const record: EvidenceRecord = {
  id: '6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e',
  invitationId: '3a4b5c6d-7e8f-4a0b-8c1d-2e3f4a5b6c7d',
  casusId: '0d6f3c2a-8b1e-4c5d-9e7f-1a2b3c4d5e6f',
  casusNumber: 'LK-A-2026-0001',
  declaration: { variant: 'niet-gebonden', version: 1 },
  textSha256: 'a'.repeat(64),
  typedName: 'Rob de Boer',
  consent: true,
  signature: drawnSignature(),
  shownAt: '2026-12-02T08:00:00.000Z',
  signedAt: '2026-12-02T08:03:00.000Z',
  signer: { kind: 'link', tokenId: 'tok-1' },
  userAgent: 'Chromium',
};

describe('evidence signature (ES256 compact JWS over canonical JSON)', () => {
  it('signs the canonical JSON with the key’s thumbprint as kid, and verifies with the public key only', async () => {
    const signer = await EvidenceSigner.create(testEvidenceJwk());
    const signed = await signer.sign(record);
    const header = decodeProtectedHeader(signed.jws);
    assert.deepEqual([header.alg, header.kid], ['ES256', signer.kid]);
    assert.equal(signer.publicJwk.d, undefined, 'the public key holds no private part');
    const { payload } = await compactVerify(signed.jws, await importJWK(signer.publicJwk, 'ES256'));
    assert.equal(new TextDecoder().decode(payload), canonicalJson(record));
    assert.ok((await verifyEvidence(signed, [signer.publicJwk])).ok);
  });

  it('names what is wrong: another key, a changed signature, a changed hash', async () => {
    const signer = await EvidenceSigner.create(testEvidenceJwk());
    const other = await EvidenceSigner.create(testEvidenceJwk());
    const signed = await signer.sign(record);
    const fails = async (s: typeof signed, keys = [signer.publicJwk]) => {
      const result = await verifyEvidence(s, keys);
      return result.ok ? 'ok' : result.error;
    };
    assert.equal(await fails(signed, [other.publicJwk]), 'unknown-key');
    // Another key published under this key's kid: the signature does not hold.
    assert.equal(await fails(signed, [{ ...other.publicJwk, kid: signer.kid }]), 'bad-signature');
    const [h, p, sig] = signed.jws.split('.');
    const flipped = `${sig!.slice(0, -2)}${sig!.endsWith('AA') ? 'BB' : 'AA'}`;
    assert.equal(await fails({ ...signed, jws: [h, p, flipped].join('.') }), 'bad-signature');
    assert.equal(await fails({ ...signed, recordSha256: 'b'.repeat(64) }), 'hash-differs');
  });
});
