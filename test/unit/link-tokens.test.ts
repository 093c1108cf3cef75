import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { LinkTokens } from '../../src/app/links/link-tokens';

describe('link tokens (signed, expiring, bound to one invitation)', () => {
  const secret = randomBytes(32);
  let now = new Date('2026-12-02T08:00:00.000Z');
  const tokens = new LinkTokens(secret, () => now);
  const subject = {
    invitationId: '3a4b5c6d-7e8f-4a0b-8c1d-2e3f4a5b6c7d',
    casusId: '0d6f3c2a-8b1e-4c5d-9e7f-1a2b3c4d5e6f',
  };
  afterEach(() => {
    now = new Date('2026-12-02T08:00:00.000Z');
  });

  it('a token verifies for its purpose with its invitation, casus and id', async () => {
    const { token, expiresAt } = await tokens.issue('ondertekenen', subject, 3600, 'tok-1');
    assert.equal(expiresAt.toISOString(), '2026-12-02T09:00:00.000Z');
    const verified = await tokens.verify(token, 'ondertekenen');
    assert.ok(verified.ok);
    assert.deepEqual(
      [verified.value.invitationId, verified.value.casusId, verified.value.jti],
      [subject.invitationId, subject.casusId, 'tok-1'],
    );
  });

  it('is refused for another purpose, after expiry, when altered, or from another key', async () => {
    const { token } = await tokens.issue('ondertekenen', subject, 60, 'tok-2');
    assert.deepEqual(await tokens.verify(token, 'verklaring-bekijken'), {
      ok: false,
      error: 'invalid',
    });
    now = new Date('2026-12-02T08:01:01.000Z');
    assert.deepEqual(await tokens.verify(token, 'ondertekenen'), { ok: false, error: 'expired' });
    now = new Date('2026-12-02T08:00:00.000Z');
    const [header, payload, signature] = token.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
        invitationId: '11111111-2222-4333-8444-555555555555',
      }),
    ).toString('base64url');
    assert.deepEqual(
      await tokens.verify(`${header}.${forgedPayload}.${signature}`, 'ondertekenen'),
      {
        ok: false,
        error: 'invalid',
      },
    );
    const other = new LinkTokens(randomBytes(32), () => now);
    assert.deepEqual(await other.verify(token, 'ondertekenen'), { ok: false, error: 'invalid' });
    for (const junk of [undefined, 42, '', 'a.b.c', 'x'.repeat(3000)]) {
      assert.deepEqual(await tokens.verify(junk, 'ondertekenen'), { ok: false, error: 'invalid' });
    }
  });

  it('refuses a secret too short to be safe', () => {
    assert.throws(() => new LinkTokens(randomBytes(16), () => now), /at least 32 bytes/);
  });
});
