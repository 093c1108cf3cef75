import assert from 'node:assert/strict';
import { ConfigError, describeConfig, parseConfig } from '../../src/config/config';
import { signingEnv } from '../helpers/signing-env';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  assert.fail('expected a ConfigError');
}

describe('configuration', () => {
  it('defaults to the embedded store on port 3978, outside demo mode, without Bot Framework credentials', () => {
    const config = parseConfig({});
    assert.equal(config.port, 3978);
    assert.equal(config.store.kind, 'embedded');
    assert.equal(config.demoMode, false);
    assert.equal(config.bot.kind, 'anonymous');
    assert.equal(config.registrySeedFile, undefined);
  });

  it('uses the demo registry seed in demo mode', () => {
    assert.equal(parseConfig({ DEMO_MODE: 'true' }).registrySeedFile, 'seed/registry.demo.json');
  });

  it('switches to a real Cosmos account when COSMOS_ENDPOINT and COSMOS_KEY are set', () => {
    const config = parseConfig({
      COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
      COSMOS_KEY: 'c2VjcmV0',
    });
    assert.deepEqual(config.store, {
      kind: 'cosmos',
      endpoint: 'https://acct.documents.azure.com:443/',
      auth: { kind: 'key', key: 'c2VjcmV0' },
      database: 'casusbot',
    });
  });

  it('uses Entra ID for Cosmos without a key: the named managed identity, else the developer login', () => {
    const endpoint = 'https://acct.documents.azure.com:443/';
    const clientId = '3b1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5';
    const managed = parseConfig({ COSMOS_ENDPOINT: endpoint, COSMOS_IDENTITY_CLIENT_ID: clientId });
    assert.deepEqual(managed.store, {
      kind: 'cosmos',
      endpoint,
      auth: { kind: 'entra', clientId },
      database: 'casusbot',
    });
    assert.deepEqual(parseConfig({ COSMOS_ENDPOINT: endpoint }).store, {
      kind: 'cosmos',
      endpoint,
      auth: { kind: 'entra', clientId: undefined },
      database: 'casusbot',
    });
    assert.match(JSON.stringify(describeConfig(managed)), new RegExp(`entra \\(${clientId}\\)`));
  });

  it('turns Application Insights export on only with a connection string, and never prints it', () => {
    assert.equal(parseConfig({}).telemetryConnectionString, undefined);
    const connectionString =
      'InstrumentationKey=0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/';
    const config = parseConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString });
    assert.equal(config.telemetryConnectionString, connectionString);
    assert.ok(!JSON.stringify(describeConfig(config)).includes('0c1d2e3f'));
    assert.ok(
      problemsOf({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'geen-connection-string' }).some((p) =>
        p.startsWith('APPLICATIONINSIGHTS_CONNECTION_STRING:'),
      ),
    );
  });

  it('names each invalid variable', () => {
    const problems = problemsOf({
      PORT: 'negentig',
      LOG_LEVEL: 'loud',
      DEMO_MODE: 'misschien',
      COSMOS_ENDPOINT: 'geen-url',
    });
    for (const name of ['PORT', 'LOG_LEVEL', 'DEMO_MODE', 'COSMOS_ENDPOINT']) {
      assert.ok(
        problems.some((p) => p.startsWith(`${name}:`)),
        `${name} in ${problems.join(' | ')}`,
      );
    }
  });

  it('never prints a secret, neither in an error nor in the summary', () => {
    const secret = 'zeer-geheim-wachtwoord-123';
    const signing = signingEnv();
    const d = (JSON.parse(signing.EVIDENCE_SIGNING_KEY!) as { d: string }).d;
    const problems = problemsOf({ COSMOS_KEY: secret, MICROSOFT_APP_PASSWORD: secret });
    assert.ok(problems.length > 0);
    assert.ok(!problems.join('\n').includes(secret));

    const config = parseConfig({
      COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
      COSMOS_KEY: secret,
      MICROSOFT_APP_ID: '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5',
      MICROSOFT_APP_PASSWORD: secret,
      MICROSOFT_APP_TENANT_ID: '7a1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5',
      ...signing,
    });
    const summary = JSON.stringify(describeConfig(config));
    for (const hidden of [secret, signing.LINK_TOKEN_SECRET!, d]) {
      assert.ok(!summary.includes(hidden));
    }
    const broken = problemsOf({
      LINK_TOKEN_SECRET: `${signing.LINK_TOKEN_SECRET!.slice(0, 20)}!`,
      EVIDENCE_SIGNING_KEY: signing.EVIDENCE_SIGNING_KEY!.replace('"crv":"P-256"', '"crv":"P-384"'),
    }).join('\n');
    assert.ok(!broken.includes(signing.LINK_TOKEN_SECRET!.slice(0, 20)));
    assert.ok(!broken.includes(d));
  });

  it('refuses Entra ID over plain http, where the SDK would send no token', () => {
    assert.ok(
      problemsOf({ COSMOS_ENDPOINT: 'http://127.0.0.1:8081/' }).includes(
        'COSMOS_ENDPOINT: Entra ID needs an https endpoint (or set COSMOS_KEY)',
      ),
    );
    assert.equal(
      parseConfig({ COSMOS_ENDPOINT: 'http://127.0.0.1:8081/', COSMOS_KEY: 'c2VjcmV0' }).store.kind,
      'cosmos',
    );
  });

  it('refuses inconsistent combinations', () => {
    for (const variable of ['COSMOS_KEY', 'COSMOS_IDENTITY_CLIENT_ID']) {
      assert.ok(
        problemsOf({ [variable]: '3b1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5' }).includes(
          `COSMOS_ENDPOINT: required when ${variable} is set`,
        ),
      );
    }
    assert.ok(
      problemsOf({
        COSMOS_ENDPOINT: 'https://a.documents.azure.com/',
        COSMOS_KEY: 'c2VjcmV0',
        COSMOS_IDENTITY_CLIENT_ID: '3b1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5',
      }).some((p) => p.startsWith('COSMOS_IDENTITY_CLIENT_ID:')),
    );
    assert.ok(
      problemsOf({
        MICROSOFT_APP_ID: '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5',
        MICROSOFT_APP_PASSWORD: 'x',
        DEMO_MODE: 'true',
      }).some((p) => p.startsWith('DEMO_MODE:')),
    );
    assert.ok(
      problemsOf({
        MICROSOFT_APP_ID: '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5',
        MICROSOFT_APP_PASSWORD: 'x',
      }).some((p) => p.startsWith('MICROSOFT_APP_TENANT_ID:')),
    );
    assert.ok(
      problemsOf({ MICROSOFT_APP_PASSWORD: 'x' }).some((p) =>
        p.startsWith('MICROSOFT_APP_PASSWORD:'),
      ),
    );
  });

  describe('signing keys and Teams SSO (issue 12)', () => {
    const production = {
      MICROSOFT_APP_ID: '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5',
      MICROSOFT_APP_PASSWORD: 'x',
      MICROSOFT_APP_TENANT_ID: '7a1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5',
      PUBLIC_BASE_URL: 'https://casusbot.example.nl',
    };

    it('requires the link secret, the evidence key and the SSO app with MICROSOFT_APP_ID', () => {
      const problems = problemsOf(production);
      for (const name of ['LINK_TOKEN_SECRET', 'EVIDENCE_SIGNING_KEY', 'TEAMS_SSO_APP_ID']) {
        assert.ok(problems.includes(`${name}: required when MICROSOFT_APP_ID is set`), name);
      }
      const config = parseConfig({ ...production, ...signingEnv() });
      assert.equal(config.signingKeys.linkTokenSecret?.byteLength, 32);
      assert.equal(config.signingKeys.evidenceSigningKey?.crv, 'P-256');
      assert.deepEqual(config.teamsSso, {
        appId: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8',
        resource: 'api://casusbot.example.nl/4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8',
        tenantId: production.MICROSOFT_APP_TENANT_ID,
        openIdMetadataUrl: undefined,
      });
    });

    it('leaves them to the store locally, and refuses a short secret, a wrong key or a remote SSO issuer', () => {
      const local = parseConfig({});
      assert.deepEqual(local.signingKeys, {
        linkTokenSecret: undefined,
        evidenceSigningKey: undefined,
      });
      assert.equal(local.teamsSso, undefined);
      const problems = problemsOf({
        LINK_TOKEN_SECRET: Buffer.alloc(16).toString('base64'),
        EVIDENCE_SIGNING_KEY: '{"kty":"EC","crv":"P-256","x":"a","y":"b"}',
        TEAMS_SSO_APP_ID: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8',
        TEAMS_SSO_TENANT_ID: '7a1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5',
        TEAMS_SSO_OPENID_METADATA_URL: 'https://login.example.com/.well-known/openid-configuration',
      });
      assert.deepEqual(problems, [
        'LINK_TOKEN_SECRET: must be base64 of at least 32 random bytes',
        'EVIDENCE_SIGNING_KEY: must be a private EC P-256 key as a JWK (ES256)',
        'TEAMS_SSO_OPENID_METADATA_URL: only a loopback address (a local test issuer)',
      ]);
      assert.ok(
        problemsOf({ TEAMS_SSO_APP_ID: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8' }).some((p) =>
          p.startsWith('TEAMS_SSO_TENANT_ID: required'),
        ),
      );
    });
  });
});
