import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { scrubAttributes, templatePath, PrivacySpanProcessor } from '../../bot/telemetry-privacy';
import { demoUsers, messageActivity } from '../helpers/activities';
import { startAppProcess, type AppProcess } from '../helpers/app-process';
import { FakeConnector } from '../helpers/fake-connector';
import { FakeIngestion, type Envelope } from '../helpers/fake-ingestion';
import { tempDir } from '../helpers/temp-dir';

const NET_GUARD = resolve(__dirname, '../helpers/net-guard.cjs');

describe('telemetry (Application Insights, only with a connection string)', () => {
  it('loads no OpenTelemetry code at all without a connection string', async () => {
    // A fresh process, doing what bot/main.ts does: startTelemetry first, then the whole app.
    const script = [
      "const { startTelemetry } = require('./bot/telemetry');",
      "const { createLogger } = require('./src/logging/logger');",
      "const telemetry = startTelemetry(undefined, createLogger('silent'));",
      "require('./bot/casusbot-app');",
      'const loaded = Object.keys(require.cache).filter((file) => /opentelemetry/.test(file));',
      'process.stdout.write(JSON.stringify({ enabled: telemetry.enabled, loaded }));',
    ].join('\n');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--require', 'tsx/cjs', '-e', script],
      { cwd: resolve(__dirname, '../..') },
    );
    assert.deepEqual(JSON.parse(stdout), { enabled: false, loaded: [] });
  });

  describe('the span processor', () => {
    it('removes client address, user agent and query strings, and templates ids in paths', () => {
      const attributes: Record<string, string | number> = {
        'http.method': 'POST',
        'http.url': 'https://user:pw@bot.example/api/messages?naam=Jantje#x',
        'http.target': '/api/messages?naam=Jantje',
        'url.path': '/dbs/casusbot/colls/registry/docs/5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a01',
        'url.query': 'naam=Jantje',
        'http.status_code': 200,
        'http.client_ip': '203.0.113.7',
        'client.address': '203.0.113.7',
        'net.peer.ip': '10.1.2.3',
        'network.peer.address': '10.1.2.3',
        'http.user_agent': 'Mozilla/5.0',
        'user_agent.original': 'Mozilla/5.0',
      };
      scrubAttributes(attributes);
      assert.deepEqual(attributes, {
        'http.method': 'POST',
        'http.url': 'https://bot.example/api/messages',
        'http.target': '/api/messages',
        'url.path': '/dbs/casusbot/colls/registry/docs/:id',
        'http.status_code': 200,
      });
      assert.equal(
        templatePath('/v3/conversations/a%3A1xyz/activities/1234'),
        '/v3/conversations/:id/activities/:id',
      );
    });

    it('names a server request by its templated path (the exporter would call it "POST")', () => {
      const attributes: Record<string, string | number> = {
        'http.request.method': 'POST',
        'url.scheme': 'https',
        'url.path': '/api/messages/5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a01',
        'url.query': 'naam=Jantje',
      };
      const span = { attributes, events: [] };
      new PrivacySpanProcessor().onEnd(
        span as unknown as Parameters<PrivacySpanProcessor['onEnd']>[0],
      );
      assert.deepEqual(attributes, {
        'http.request.method': 'POST',
        'url.scheme': 'https',
        'url.path': '/api/messages/:id',
        'http.route': '/api/messages/:id',
      });
    });

    it('keeps only the type and stack frames of an exception', () => {
      const event = {
        name: 'exception',
        time: [0, 0] as [number, number],
        attributes: {
          'exception.type': 'SyntaxError',
          'exception.message': 'Unexpected token \'J\', "Jantje Kwe"... is not valid JSON',
          'exception.stacktrace':
            'SyntaxError: Unexpected token \'J\', "Jantje Kwe"... is not valid JSON\n    at JSON.parse (<anonymous>)',
        },
      };
      const span = { attributes: {}, events: [event] };
      new PrivacySpanProcessor().onEnd(
        span as unknown as Parameters<PrivacySpanProcessor['onEnd']>[0],
      );
      assert.deepEqual(event.attributes, {
        'exception.type': 'SyntaxError',
        'exception.stacktrace': '    at JSON.parse (<anonymous>)',
      });
    });
  });

  describe('the app as a process, with a connection string', function () {
    // Starting the app (embedded store included) takes a few seconds, as in app-process.bot.test.ts.
    this.timeout(60_000);
    let dir: Awaited<ReturnType<typeof tempDir>>;
    let ingestion: FakeIngestion;
    let connector: FakeConnector;
    let app: AppProcess | undefined;

    beforeEach(async () => {
      dir = await tempDir('telemetry');
      ingestion = await new FakeIngestion().start();
      connector = await new FakeConnector().start();
    });
    afterEach(async () => {
      if (app?.child.exitCode === null) app.child.kill('SIGKILL');
      await app?.exited;
      await connector.stop();
      await ingestion.stop();
      await dir.remove();
    });

    it('exports the request, without personal data, client address or user agent, to loopback only', async () => {
      const caFile = join(dir.path, 'ingestion-ca.pem');
      const guardLog = join(dir.path, 'net-guard.log');
      await writeFile(caFile, ingestion.cert);
      await writeFile(guardLog, '');
      app = await startAppProcess({
        PORT: '0',
        DEMO_MODE: 'true',
        EMBEDDED_COSMOS_DATA_DIR: join(dir.path, 'cosmos'),
        APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString(),
        NODE_EXTRA_CA_CERTS: caFile,
        // As on App Service, the one place the app runs with a connection string. (The Azure VM
        // probe does not depend on it: bot/telemetry.ts skips that probe everywhere.)
        WEBSITE_SITE_NAME: 'casusbot-test',
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(NET_GUARD)}`,
        NET_GUARD_LOG: guardLog,
      });

      const personal = {
        name: 'Jantje Kwetsbaar',
        bsn: '123456782',
        clientIp: '203.0.113.77',
        userAgent: 'KwetsbaarTestAgent/9.9',
      };
      const activity = messageActivity(`casus over ${personal.name}, BSN ${personal.bsn}`, {
        serviceUrl: connector.serviceUrl,
        aadObjectId: demoUsers.fatima,
      });
      const response = await fetch(
        `${app.botUrl}/api/messages?betrokkene=${encodeURIComponent(personal.name)}&bsn=${personal.bsn}`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': personal.userAgent,
            'x-forwarded-for': personal.clientIp,
          },
          body: JSON.stringify(activity),
        },
      );
      assert.equal(response.status, 200);
      await connector.waitForCount(1);

      app.child.kill('SIGTERM');
      assert.equal(await app.exited, 0);

      const isRequest = (envelope: Envelope) =>
        envelope.name === 'Microsoft.ApplicationInsights.Request' &&
        envelope.data?.baseData?.name === 'POST /api/messages';
      const requests = ingestion.envelopes.filter(isRequest);
      assert.ok(requests.length >= 1, 'the request to /api/messages is exported');
      for (const request of requests) {
        assert.equal(request.data?.baseData?.responseCode, '200');
        assert.match(
          String(request.data?.baseData?.url),
          // The exporter builds a server request's URL from scheme, host and path (no port).
          /^http:\/\/127\.0\.0\.1(:\d+)?\/api\/messages$/,
        );
      }
      assert.deepEqual(
        ingestion.requests
          .map((request) => `${request.method} ${request.path}`)
          .filter((line) => line !== 'POST /v2.1/track'),
        [],
        'only the track endpoint is called (no live metrics)',
      );

      const sent = ingestion.allText().toLowerCase();
      const leaks = [
        personal.name,
        ...personal.name.split(' '),
        personal.bsn,
        personal.clientIp,
        personal.userAgent,
        demoUsers.fatima,
      ].filter((secret) => sent.includes(secret.toLowerCase()));
      assert.deepEqual(leaks, [], 'nothing personal reaches Application Insights');
      const identifying = ingestion.envelopes.filter(
        (envelope) =>
          envelope.tags?.['ai.location.ip'] !== undefined ||
          envelope.tags?.['ai.user.userAgent'] !== undefined,
      );
      assert.deepEqual(identifying, [], 'no envelope carries a client address or user agent');

      assert.equal(await readFile(guardLog, 'utf8'), '', 'no connection left loopback');
    });

    it('leaves loopback for nothing, also once the SDK timers a short run never reaches have fired', async () => {
      // The SDK starts some of its work on timers: the exporter's remote-configuration poll
      // 5–15 s after start, statsbeat after minutes. Here every timer fires within 100 ms, so
      // two seconds cover what would otherwise take hours of uptime.
      const caFile = join(dir.path, 'ingestion-ca.pem');
      const guardLog = join(dir.path, 'net-guard.log');
      await writeFile(caFile, ingestion.cert);
      await writeFile(guardLog, '');
      const script = [
        "const { setTimeout: sleep } = require('node:timers/promises');",
        'const soon = (schedule) => (callback, ms, ...args) =>',
        '  schedule(callback, Math.min(Number(ms) || 1, 100), ...args);',
        'globalThis.setTimeout = soon(globalThis.setTimeout);',
        'globalThis.setInterval = soon(globalThis.setInterval);',
        "const { startTelemetry } = require('./bot/telemetry');",
        "const { createLogger } = require('./src/logging/logger');",
        `startTelemetry(${JSON.stringify(ingestion.connectionString())}, createLogger('silent'));`,
        "require('./bot/casusbot-app');",
        'sleep(2_000).then(() => process.exit(0));',
      ].join('\n');
      await promisify(execFile)(
        process.execPath,
        ['--require', 'tsx/cjs', '--require', NET_GUARD, '-e', script],
        {
          cwd: resolve(__dirname, '../..'),
          env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile, NET_GUARD_LOG: guardLog },
        },
      );
      assert.equal(await readFile(guardLog, 'utf8'), '', 'no connection left loopback');
    });
  });
});
