import assert from 'node:assert/strict';
import type { RunningHttpServer } from '../../bot/http/http-server';
import { openBrowser, type HeadlessBrowser } from '../helpers/browser';
import {
  CASUS_NUMBER,
  FakeSigningService,
  SIGNED,
  VALID_TOKEN,
} from '../helpers/fake-signing-service';
import { completeAndSubmit, drawSignature, shownTextSha256 } from '../helpers/signing-page';
import { startSigningServer } from '../helpers/signing-server';
import { screenshots } from '../helpers/teams-client';
import { hostMessages, openInTeamsTestHost, testSsoToken } from '../helpers/teams-test-host';

describe('the signing page as a Teams dialog, in a test host that answers teams-js (headless Chromium)', () => {
  let service: FakeSigningService;
  let server: RunningHttpServer;
  let browser: HeadlessBrowser;

  before(async () => {
    browser = await openBrowser();
  });
  after(() => browser.close());
  beforeEach(async () => {
    service = new FakeSigningService();
    server = await startSigningServer(service);
  });
  afterEach(async () => {
    await server.close(1000);
    assert.deepEqual(browser.pageErrors.splice(0), [], 'no errors in the page');
  });

  it('initialises teams-js, signs with the Teams SSO token and closes with dialog.url.submit', async () => {
    const { page } = browser;
    const ssoToken = await testSsoToken();
    service.teamsIdentityExpected = true;
    const dialog = await openInTeamsTestHost(page, `${server.url}/teams-host`, {
      dialogUrl: `/ondertekenen?token=${VALID_TOKEN}`,
      auth: { ssoToken },
    });
    await dialog.getByText(`Casus ${CASUS_NUMBER}`).waitFor();
    await page.waitForFunction('window.hostMessages.some((m) => m.func === "getContext")');
    await drawSignature(page, dialog);
    await dialog.getByLabel('Uw volledige naam').fill('Rob de Boer');
    await dialog.getByLabel('Ik heb de tekst hierboven gelezen', { exact: false }).check();
    await page.screenshot({ path: `${screenshots}/signing-page-teams-host.png` });
    await dialog.getByRole('button', { name: 'Ondertekenen' }).click();
    await dialog.getByRole('heading', { name: 'Ondertekend' }).waitFor();
    await page.waitForFunction('window.hostMessages.some((m) => m.func === "tasks.completeTask")');

    const submission = service.lastSubmission();
    assert.equal(submission.ssoToken, ssoToken, 'the Teams SSO token was posted');
    assert.equal(submission.textSha256, await shownTextSha256(dialog));
    assert.equal(submission.signature.strokes.length, 2);
    const messages = await hostMessages(page);
    const funcs = messages.map((m) => m.func);
    assert.equal(funcs[0], 'initialize');
    assert.ok(funcs.indexOf('getContext') < funcs.indexOf('authentication.getAuthToken'));
    const completed = messages.filter((m) => m.func === 'tasks.completeTask');
    assert.deepEqual(
      completed.map((m) => m.args),
      [[{ ...SIGNED, signedAt: '2026-12-02T08:15:00.000Z', status: 'ondertekend' }, []]],
    );
  });

  it('sends nothing when Teams gives no SSO token for an invitee who signs with Teams', async () => {
    const { page } = browser;
    service.teamsIdentityExpected = true;
    const dialog = await openInTeamsTestHost(page, `${server.url}/teams-host`, {
      dialogUrl: `/ondertekenen?token=${VALID_TOKEN}`,
      auth: { failure: 'resourceRequiresConsent' },
    });
    await drawSignature(page, dialog);
    await completeAndSubmit(dialog, 'Rob de Boer');
    await dialog
      .locator('#melding')
      .getByText('Uw aanmelding bij Teams kon niet worden opgehaald', { exact: false })
      .waitFor();
    assert.equal(service.received.length, 0);
    const funcs = (await hostMessages(page)).map((m) => m.func);
    assert.ok(funcs.includes('authentication.getAuthToken'));
    assert.ok(!funcs.includes('tasks.completeTask'));
  });

  it('cannot be framed by a host that is not Teams (CSP frame-ancestors)', async () => {
    const { page } = browser;
    // Another origin (localhost, not 127.0.0.1) frames the page: the browser refuses to show it.
    const foreign = server.url.replace('127.0.0.1', 'localhost');
    const framed = async (origin: string): Promise<number> => {
      await page.route(`${origin}/framing-host`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><iframe src="${server.url}/ondertekenen?token=${VALID_TOKEN}"></iframe>`,
        }),
      );
      await page.goto(`${origin}/framing-host`);
      await page.waitForTimeout(1000);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      return (
        (await frame
          ?.locator('form#ondertekenen')
          .count()
          .catch(() => 0)) ?? 0
      );
    };
    // The control: the same markup on the page's own origin ('self') shows the form.
    assert.equal(await framed(server.url), 1);
    assert.equal(await framed(foreign), 0);
  });
});
