import assert from 'node:assert/strict';
import { demoUsers, messageActivity } from '../helpers/activities';
import { startAppProcess, type AppProcess } from '../helpers/app-process';
import { FakeConnector } from '../helpers/fake-connector';
import { FakeTokenIssuer } from '../helpers/fake-token-issuer';
import {
  inTenant,
  productionAppId,
  productionEnv as azureEnv,
  productionTenant,
} from '../helpers/production-env';
import { tempDir } from '../helpers/temp-dir';

const tenant = productionTenant;
const appId = productionAppId;

/** The bot as in Azure, with its own embedded store. */
const productionEnv = (dataDir: string, issuer: FakeTokenIssuer) => ({
  PORT: '0',
  EMBEDDED_COSMOS_DATA_DIR: dataDir,
  ...azureEnv(issuer),
});

describe('bot over HTTP: production mode (an Azure Bot app id, tokens from a local issuer)', function () {
  this.timeout(60_000);
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let issuer: FakeTokenIssuer;
  let connector: FakeConnector;
  let app: AppProcess;

  before(async () => {
    dir = await tempDir('production');
    issuer = await new FakeTokenIssuer().start();
    connector = await new FakeConnector().start();
    app = await startAppProcess(productionEnv(dir.path, issuer));
  });
  after(async () => {
    if (app.child.exitCode === null) app.child.kill('SIGKILL');
    await app.exited;
    await issuer.stop();
    await connector.stop();
    await dir.remove();
  });

  /** An activity as Teams sends it from a tenant. */
  function fromTenant(tenantId: string, text = 'help') {
    return inTenant(
      messageActivity(text, { serviceUrl: connector.serviceUrl, aadObjectId: demoUsers.fatima }),
      tenantId,
    );
  }

  async function post(body: unknown, authorization?: string) {
    const started = Date.now();
    const response = await fetch(`${app.botUrl}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(authorization ? { authorization } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, text: await response.text(), ms: Date.now() - started };
  }

  const refused = (line: Record<string, unknown>) => line.msg === 'request refused';
  /** Waits until the process has logged `more` refusals beyond those counted before. */
  async function refusalsLogged(before: number, more: number): Promise<void> {
    const found = await app.waitForLogs(refused, before + more);
    assert.ok(found.length >= before + more, `${found.length - before} of ${more} refusals logged`);
  }

  /** Log lines of handlers: a refused request must leave none. */
  const handled = () =>
    app.logs.filter((line) =>
      ['command', 'card action', 'not authorised'].includes(String(line.msg)),
    );

  it('answers 401 to every failed authentication, whatever the body or the tenant, and nothing reaches a handler', async () => {
    const valid = await issuer.token(appId, connector.serviceUrl);
    const cases: [string, unknown, string | undefined][] = [
      ['no token', fromTenant(tenant), undefined],
      ['no token, another tenant', fromTenant('11111111-2222-4333-8444-555555555555'), undefined],
      ['Bearer x and an activity without type', {}, 'Bearer x'],
      ['Bearer x and broken JSON', '{"type":', 'Bearer x'],
      [
        'a token signed by another key under the real key id',
        fromTenant(tenant),
        `Bearer ${await issuer.forge(appId, connector.serviceUrl)}`,
      ],
      [
        'a token for another bot',
        fromTenant(tenant),
        `Bearer ${await issuer.token('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', connector.serviceUrl)}`,
      ],
      [
        'a token that expired',
        fromTenant(tenant),
        `Bearer ${await issuer.token(appId, connector.serviceUrl, { expiresIn: '-10m' })}`,
      ],
      ['a token in another scheme', fromTenant(tenant), `Basic ${valid}`],
      [
        'a token for another serviceUrl',
        fromTenant(tenant),
        `Bearer ${await issuer.token(appId, 'https://smba.example.invalid/')}`,
      ],
    ];
    const before = app.logs.filter(refused).length;
    for (const [what, body, authorization] of cases) {
      const answer = await post(body, authorization);
      assert.equal(answer.status, 401, `${what}: ${answer.status} ${answer.text}`);
    }
    await refusalsLogged(before, cases.length);
    assert.deepEqual(handled(), []);
    assert.equal(connector.sent.length, 0);
    assert.equal(app.child.exitCode, null, 'the process still runs');
  });

  it('checks the token before the tenant (a stranger cannot learn the tenant id), then refuses another tenant with 403', async () => {
    const token = `Bearer ${await issuer.token(appId, connector.serviceUrl)}`;
    const before = app.logs.filter(refused).length;
    const stranger = await post(fromTenant('11111111-2222-4333-8444-555555555555'));
    assert.equal(stranger.status, 401);
    const other = await post(fromTenant('11111111-2222-4333-8444-555555555555'), token);
    assert.equal(other.status, 403);
    await refusalsLogged(before, 2);
    assert.deepEqual(handled(), []);
  });

  it('refuses an activity whose conversation names another tenant than its channel data (403)', async () => {
    const token = `Bearer ${await issuer.token(appId, connector.serviceUrl)}`;
    const activity = fromTenant(tenant);
    const mixed = {
      ...activity,
      conversation: { ...activity.conversation, tenantId: '11111111-2222-4333-8444-555555555555' },
    };
    assert.equal((await post(mixed, token)).status, 403);
    const noTenant = {
      ...activity,
      channelData: undefined,
      conversation: { ...activity.conversation, tenantId: undefined },
    };
    assert.equal((await post(noTenant, token)).status, 403);
  });

  it('logs a refused tenant as bounded, known fields only (a 100 kB tenant id is not logged)', async () => {
    const token = `Bearer ${await issuer.token(appId, connector.serviceUrl)}`;
    const before = app.logs.filter(refused).length;
    const huge = await post(fromTenant('x'.repeat(100_000)), token);
    assert.equal(huge.status, 400, 'a tenant id that long is not an activity');
    const odd = await post(fromTenant('x'.repeat(64)), token);
    assert.equal(odd.status, 403);
    await refusalsLogged(before, 2);
    const tenants = app.logs.filter(refused).map((line) => line.tenant);
    assert.ok(tenants.includes('(not a tenant id)'), JSON.stringify(tenants));
    const longest = Math.max(...app.logs.map((line) => JSON.stringify(line).length));
    assert.ok(longest < 4000, `longest log line: ${longest} characters`);
    assert.ok(!app.logs.some((line) => JSON.stringify(line).includes('xxxxxxxxxx')));
  });

  it('answers 400 to a malformed activity that carries a valid token', async () => {
    const token = `Bearer ${await issuer.token(appId, connector.serviceUrl)}`;
    assert.equal((await post({}, token)).status, 400);
    assert.equal((await post('[', token)).status, 400);
  });

  it('serves an activity with a valid token from its own tenant, within Teams’ limit', async () => {
    const token = `Bearer ${await issuer.token(appId, connector.serviceUrl)}`;
    const activity = fromTenant(tenant);
    const answer = await post(activity, token);
    assert.equal(answer.status, 200, answer.text);
    assert.ok(answer.ms < 5000, `${answer.ms} ms`);
    const reached = await app.waitForLogs(
      (line) => line.msg === 'command' && line.activityId === activity.id,
      1,
    );
    assert.equal(reached.length, 1, 'the turn reached the help command');
    assert.equal(app.child.exitCode, null);
  });

  it('still answers /healthz', async () => {
    assert.equal((await fetch(`${app.botUrl}/healthz`)).status, 200);
  });
});

describe('bot over HTTP: production mode while the key service hangs for botbuilder', function () {
  this.timeout(60_000);
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let issuer: FakeTokenIssuer;
  let app: AppProcess;
  before(async () => {
    dir = await tempDir('production-keys');
    issuer = await new FakeTokenIssuer().start();
    // botbuilder fetches the keys again itself, with node-fetch and without a time limit.
    issuer.hangFor = /node-fetch/;
    app = await startAppProcess(productionEnv(dir.path, issuer));
  });
  after(async () => {
    if (app.child.exitCode === null) app.child.kill('SIGKILL');
    await app.exited;
    await issuer.stop();
    await dir.remove();
  });

  it('answers 503 within Teams’ limit, so the Bot Service tries again, and keeps serving', async () => {
    const serviceUrl = 'http://127.0.0.1:9/';
    const activity = messageActivity('help', { serviceUrl, aadObjectId: demoUsers.fatima });
    const body = JSON.stringify(inTenant(activity, tenant));
    const token = await issuer.token(appId, serviceUrl);
    const answers = await Promise.all(
      [1, 2, 3].map(async () => {
        const started = Date.now();
        const response = await fetch(`${app.botUrl}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        });
        return { status: response.status, ms: Date.now() - started };
      }),
    );
    for (const answer of answers) {
      assert.equal(answer.status, 503);
      assert.ok(answer.ms < 5000, `${answer.ms} ms`);
    }
    assert.equal((await fetch(`${app.botUrl}/healthz`)).status, 200);
  });
});
