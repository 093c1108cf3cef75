import assert from 'node:assert/strict';
import type { RunningHttpServer } from '../../bot/http/http-server';
import { TEAMS_FRAME_ANCESTORS } from '../../bot/http/signing-headers';
import { escapeHtml } from '../../bot/http/signing-html';
import { refusalStatus } from '../../bot/http/signing-routes';
import type { SigningRefusal } from '../../src/app/invitation/signing';
import {
  CASUS_NUMBER,
  FakeSigningService,
  REFUSALS,
  VALID_TOKEN,
} from '../helpers/fake-signing-service';
import { startSigningServer } from '../helpers/signing-server';

const post = (url: string, body: string, contentType = 'application/json') =>
  fetch(`${url}/api/ondertekenen`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'user-agent': 'Testbrowser/1.0' },
    body,
  });

describe('signing routes (the bot http app with a fake signing service)', () => {
  const service = new FakeSigningService();
  const logLines: string[] = [];
  let server: RunningHttpServer;
  before(async () => {
    server = await startSigningServer(service, logLines);
  });
  after(() => server.close(1000));

  it('renders the page in Dutch with the exact text, escaped, and the security headers', async () => {
    const response = await fetch(`${server.url}/ondertekenen?token=${VALID_TOKEN}`);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const host of TEAMS_FRAME_ANCESTORS) assert.ok(csp.includes(` ${host}`), host);
    assert.match(csp, /frame-ancestors 'self' /);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const html = await response.text();
    assert.match(html, /<html lang="nl">/);
    assert.ok(html.includes(`Casus ${CASUS_NUMBER}`));
    assert.ok(html.includes('Rob de Boer &lt;b&gt;'), 'the invitee literally');
    assert.ok(html.includes('Woonstede &amp; Partners'));
    const text = service.view_.declaration.text;
    assert.ok(html.includes(`class="verklaring-tekst">${escapeHtml(text)}</div>`));
    // Every script has a source: nothing inline that the CSP would have to allow.
    assert.deepEqual(html.match(/<script[^>]*>/g), ['<script src="/ondertekenen/app.js" defer>']);
  });

  it('answers each refusal with its own status and a page in its own words', async () => {
    for (const kind of Object.keys(REFUSALS) as SigningRefusal['kind'][]) {
      const response = await fetch(`${server.url}/ondertekenen?token=${kind}`);
      assert.equal(response.status, refusalStatus(kind), kind);
      assert.ok(response.status >= 400 && (response.status < 500 || response.status === 503));
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      const html = await response.text();
      assert.ok(html.includes(escapeHtml(REFUSALS[kind])), kind);
      assert.ok(!html.includes('<form'), `${kind}: no form to sign`);
    }
    const missing = await fetch(`${server.url}/ondertekenen`);
    assert.equal(missing.status, 400);
  });

  it('posts to the service with the user agent and answers its result as JSON', async () => {
    service.next = { kind: 'al-ondertekend', message: REFUSALS['al-ondertekend'] };
    const refused = await post(server.url, JSON.stringify({ token: VALID_TOKEN }));
    assert.equal(refused.status, 409);
    assert.deepEqual(await refused.json(), {
      ok: false,
      kind: 'al-ondertekend',
      message: REFUSALS['al-ondertekend'],
    });
    assert.equal(service.received.at(-1)?.userAgent, 'Testbrowser/1.0');

    const incomplete = await post(server.url, JSON.stringify({ token: VALID_TOKEN }));
    assert.equal(incomplete.status, 422);
    assert.equal(((await incomplete.json()) as { kind: string }).kind, 'onvolledig');

    service.next = { kind: 'tijdelijk-niet-beschikbaar', message: 'x' };
    assert.equal((await post(server.url, '{}')).status, 503);
  });

  it('refuses what is not JSON, malformed or too large with a 4xx in the same shape', async () => {
    const before = service.received.length;
    const form = await post(server.url, 'token=x', 'application/x-www-form-urlencoded');
    assert.equal(form.status, 415);
    const malformed = await post(server.url, '{"token":');
    assert.equal(malformed.status, 400);
    const large = await post(server.url, JSON.stringify({ svg: 'x'.repeat(400_000) }));
    assert.equal(large.status, 413);
    for (const response of [form, malformed, large]) {
      const body = (await response.json()) as { ok: boolean; kind: string; message: string };
      assert.equal(body.ok, false);
      assert.equal(body.kind, 'ongeldig-verzoek');
      assert.match(body.message, /niets opgeslagen/);
    }
    assert.equal(service.received.length, before, 'none reached the service');
  });

  it('answers a throwing service with 500, a message that does not claim nothing was stored, and a log line', async () => {
    service.next = new Error('store exploded at line 42');
    const response = await post(server.url, '{}');
    assert.equal(response.status, 500);
    const text = await response.text();
    assert.doesNotMatch(text, /exploded|line 42|at /);
    assert.match(text, /niet zeker/);
    assert.ok(logLines.some((line) => line.includes('signing failed')));
  });

  it('serves the bundle and its stylesheet', async () => {
    const script = await fetch(`${server.url}/ondertekenen/app.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
    assert.ok((await script.text()).length > 10_000);
    const style = await fetch(`${server.url}/ondertekenen/app.css`);
    assert.match(style.headers.get('content-type') ?? '', /text\/css/);
    assert.match(await style.text(), /canvas/);
  });
});
