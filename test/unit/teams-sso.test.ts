import assert from 'node:assert/strict';
import { EntraSsoValidator } from '../../src/app/invitation/teams-sso';
import { FakeEntraIssuer } from '../helpers/fake-entra-issuer';

describe('Teams SSO tokens, validated against the (test) Entra keys', () => {
  const tenantId = '5c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f';
  const appId = '9f8e7d6c-5b4a-4392-8817-0a1b2c3d4e5f';
  const resource = `api://casusbot.example.nl/${appId}`;
  const oid = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
  let issuer: FakeEntraIssuer;
  let validator: EntraSsoValidator;

  before(async () => {
    issuer = await new FakeEntraIssuer().start();
    validator = new EntraSsoValidator(
      { appId, resource, tenantId, openIdMetadataUrl: issuer.metadataUrl },
      () => new Date(),
    );
  });
  after(() => issuer.stop());

  it('accepts a token of the tenant for the app (as app id or as resource), naming oid, tid and sub', async () => {
    for (const aud of [appId, resource]) {
      const result = await validator.validate(await issuer.token({ oid, tid: tenantId, aud }));
      assert.deepEqual(result, {
        ok: true,
        value: { objectId: oid, tenantId, subject: `pairwise-${oid}` },
      });
    }
  });

  it('refuses another tenant, another audience, the v1 issuer, an expired or a forged token', async () => {
    const otherTenant = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
    const refused = [
      await issuer.token({ oid, tid: otherTenant, aud: appId }),
      await issuer.token({
        oid,
        tid: otherTenant,
        aud: appId,
        iss: `https://login.microsoftonline.com/${tenantId}/v2.0`,
      }),
      await issuer.token({ oid, tid: tenantId, aud: '00000003-0000-0000-c000-000000000000' }),
      await issuer.token({
        oid,
        tid: tenantId,
        aud: appId,
        iss: `https://sts.windows.net/${tenantId}/`,
      }),
      await issuer.token({ oid, tid: tenantId, aud: appId, expiresIn: '-1m' }),
      await issuer.forge({ oid, tid: tenantId, aud: appId }),
      'not.a.token',
    ];
    for (const token of refused) {
      assert.deepEqual(await validator.validate(token), { ok: false, error: 'invalid' });
    }
  });

  it('says unavailable (not invalid) when the metadata cannot be fetched', async () => {
    const unreachable = new EntraSsoValidator(
      { appId, resource, tenantId, openIdMetadataUrl: 'http://127.0.0.1:9/none' },
      () => new Date(),
    );
    const token = await issuer.token({ oid, tid: tenantId, aud: appId });
    assert.deepEqual(await unreachable.validate(token), { ok: false, error: 'unavailable' });
  });
});
