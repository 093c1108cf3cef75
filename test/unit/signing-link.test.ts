import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { sentSigningLink } from '../../src/app/invitation/signing-link';
import { LinkTokens } from '../../src/app/links/link-tokens';

describe('the signing link a proposer sends on', () => {
  it('points to the signing page with a token for this invitation, expiring in a week', async () => {
    const now = new Date('2026-12-02T08:00:00.000Z');
    const tokens = new LinkTokens(randomBytes(32), () => now);
    const invitation = { id: randomUUID(), casusId: randomUUID() };
    const link = await sentSigningLink(
      tokens,
      'https://casusbot.example.nl',
      invitation,
      randomUUID,
    );
    assert.equal(link.expiresAt.toISOString(), '2026-12-09T08:00:00.000Z');
    const url = new URL(link.url);
    assert.equal(`${url.origin}${url.pathname}`, 'https://casusbot.example.nl/ondertekenen');
    const claims = await tokens.verify(url.searchParams.get('token'), 'ondertekenen');
    assert.ok(claims.ok);
    assert.deepEqual(
      [claims.value.invitationId, claims.value.casusId, claims.value.via],
      [invitation.id, invitation.casusId, undefined],
    );
  });
});
