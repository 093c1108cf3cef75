import { generateKeyPair, SignJWT } from 'jose';
import type { Frame, Page } from 'playwright-core';

/** A message the signing page's teams-js sent to its parent, as the host page saw it. */
export interface HostMessage {
  func: string;
  args: unknown[];
}

export interface TeamsTestHostOptions {
  /** The signing page the host opens as its dialog (same origin as the host, see below). */
  dialogUrl: string;
  /** What `authentication.getAuthToken` answers: a token, or a failure reason. */
  auth: { ssoToken: string } | { failure: string };
  /** Who Teams says is signed in (`getContext`); by default the subject of `testSsoToken`. */
  user?: { objectId: string; tenantId: string };
}

const TEST_USER = {
  objectId: '0b7c9f8e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
};

/**
 * The runtime a Teams web client announces to a dialog (teams-js `Runtime`, apiVersion 4): the
 * capabilities the signing page uses, and no more.
 */
const RUNTIME = { apiVersion: 4, supports: { app: {}, dialog: { url: {}, update: {} } } };

/**
 * A page that stands in for Teams: it frames the signing page as a URL dialog and answers
 * teams-js's postMessage protocol as Teams does (teams-js 2.x `communication.ts`): a request is
 * `{ id, uuidAsString, func, args }`, the answer `{ id, uuidAsString, args }` posted back to the
 * frame. `initialize` answers [frameContext, hostClientType, runtime JSON, SDK version];
 * `getContext` the context; `authentication.getAuthToken` [success, token or reason];
 * `tasks.completeTask` (`dialog.url.submit`) gets no answer: Teams closes the dialog.
 * Every request is kept in `window.hostMessages` for the test.
 */
export function teamsTestHostHtml(options: TeamsTestHostOptions): string {
  const user = options.user ?? TEST_USER;
  const config = JSON.stringify({
    runtime: JSON.stringify(RUNTIME),
    auth: options.auth,
    context: {
      hostName: 'Teams',
      hostClientType: 'web',
      frameContext: 'task',
      locale: 'nl-nl',
      tid: user.tenantId,
      userObjectId: user.objectId,
    },
  });
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Teams (testhost)</title>
<style>body{margin:0;font-family:sans-serif;background:#ebebeb}header{background:#464775;color:#fff;padding:8px 16px}
.dialoog{margin:24px auto;width:720px;max-width:calc(100% - 32px);background:#fff;box-shadow:0 4px 16px #0004;border-radius:6px}
.dialoog h1{font-size:16px;margin:0;padding:12px 16px;border-bottom:1px solid #ddd}
iframe{display:block;width:100%;height:760px;border:0}</style></head>
<body><header>Microsoft Teams (testhost)</header>
<div class="dialoog"><h1>Geheimhoudingsverklaring ondertekenen</h1>
<iframe id="dialoog" title="Ondertekenen" src="${options.dialogUrl}"></iframe></div>
<script>
const config = ${config};
window.hostMessages = [];
window.addEventListener('message', (event) => {
  const message = event.data;
  if (!message || typeof message.func !== 'string') return;
  window.hostMessages.push({ func: message.func, args: message.args });
  const answer = (args) =>
    event.source.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
  switch (message.func) {
    case 'initialize':
      return answer(['task', 'web', config.runtime, '2.58.0']);
    case 'getContext':
      return answer([config.context]);
    case 'authentication.getAuthToken':
      return answer('ssoToken' in config.auth ? [true, config.auth.ssoToken] : [false, config.auth.failure]);
  }
});
</script></body></html>`;
}

/**
 * Serves the host page at `hostUrl` from the test itself (Playwright answers the request). The
 * host shares the signing page's origin: teams-js trusts a parent of its own origin as it trusts
 * Teams' origins (its list of Microsoft hosts, which a loopback test cannot be), and the page's
 * CSP allows it as 'self'.
 */
export async function openInTeamsTestHost(
  page: Page,
  hostUrl: string,
  options: TeamsTestHostOptions,
): Promise<Frame> {
  await page.route(hostUrl, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: teamsTestHostHtml(options) }),
  );
  await page.goto(hostUrl);
  const frame = page.frame({ url: (url) => url.pathname === '/ondertekenen' });
  if (!frame) throw new Error('the test host did not frame the signing page');
  await frame.waitForLoadState();
  return frame;
}

export async function hostMessages(page: Page): Promise<HostMessage[]> {
  return page.evaluate<HostMessage[]>('window.hostMessages');
}

/** An SSO token as Entra would issue it for the app, signed by a key only this test knows. */
export async function testSsoToken(): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({
    oid: TEST_USER.objectId,
    tid: TEST_USER.tenantId,
    name: 'Rob de Boer',
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .setSubject('pairwise-subject-of-rob')
    .setAudience('api://casusbot.example/botid-00000000-0000-0000-0000-000000000000')
    .setIssuer(`https://login.microsoftonline.com/${TEST_USER.tenantId}/v2.0`)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}
