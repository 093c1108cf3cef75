import assert from 'node:assert/strict';
import type { RunningHttpServer } from '../../bot/http/http-server';
import { openBrowser, type HeadlessBrowser } from '../helpers/browser';
import {
  CASUS_NUMBER,
  FakeSigningService,
  REFUSALS,
  VALID_TOKEN,
} from '../helpers/fake-signing-service';
import { completeAndSubmit, drawSignature, shownTextSha256 } from '../helpers/signing-page';
import { startSigningServer } from '../helpers/signing-server';
import { screenshots } from '../helpers/teams-client';

describe('the signing page outside Teams (headless Chromium)', () => {
  let service: FakeSigningService;
  let server: RunningHttpServer;
  let browser: HeadlessBrowser;
  let pageUrl: string;

  before(async () => {
    browser = await openBrowser();
  });
  after(() => browser.close());
  beforeEach(async () => {
    service = new FakeSigningService();
    server = await startSigningServer(service);
    pageUrl = `${server.url}/ondertekenen?token=${VALID_TOKEN}`;
    await browser.page.setViewportSize({ width: 1280, height: 900 });
  });
  afterEach(async () => {
    await server.close(1000);
    assert.deepEqual(browser.pageErrors.splice(0), [], 'no errors in the page');
  });

  it('signs: draw with the mouse, type, tick, submit; the service gets the strokes, SVG and text hash', async () => {
    const { page } = browser;
    await page.goto(pageUrl);
    await page.getByRole('heading', { level: 1, name: /Geheimhoudingsverklaring/ }).waitFor();
    await page.getByText(`Casus ${CASUS_NUMBER}`).waitFor();
    // The invitee's name literally, markup characters and all.
    await page.getByText('Rob de Boer <b>', { exact: true }).waitFor();
    await drawSignature(page);
    await page.getByText('Handtekening getekend (2 lijnen).').waitFor();
    await page.getByLabel('Uw volledige naam').fill('Rob de Boer');
    await page.getByLabel('Ik heb de tekst hierboven gelezen', { exact: false }).check();
    await page.screenshot({ path: `${screenshots}/signing-page-desktop.png`, fullPage: true });
    await page.getByRole('button', { name: 'Ondertekenen' }).click();

    const done = page.getByRole('heading', { name: 'Ondertekend' });
    await done.waitFor();
    await page
      .getByText(`voor casus ${CASUS_NUMBER} ondertekend op 2 december 2026 om 09:15`)
      .waitFor();
    assert.equal(await page.locator('form#ondertekenen').isVisible(), false);
    await page.screenshot({ path: `${screenshots}/signing-page-signed.png` });

    assert.equal(service.received.length, 1);
    const submission = service.lastSubmission();
    assert.equal(submission.token, VALID_TOKEN);
    assert.equal(submission.shownReceipt, service.view_.shownReceipt);
    assert.equal(submission.typedName, 'Rob de Boer');
    assert.equal(submission.consent, true);
    assert.equal(submission.ssoToken, undefined, 'no Teams outside Teams');
    const shown = await shownTextSha256(page);
    assert.equal(submission.textSha256, shown);
    assert.equal(shown, service.view_.declaration.sha256, 'the page shows the exact text');
    const { signature } = submission;
    assert.equal(signature.strokes.length, 2);
    for (const stroke of signature.strokes) {
      assert.ok(stroke.length >= 3, 'each stroke has its points');
      for (const point of stroke) {
        assert.ok(point.x >= 0 && point.x <= signature.width, `x ${point.x}`);
        assert.ok(point.y >= 0 && point.y <= signature.height, `y ${point.y}`);
      }
      const times = stroke.map((point) => point.t);
      assert.deepEqual(
        times,
        [...times].sort((a, b) => a - b),
        'time runs forward',
      );
    }
    assert.ok(signature.width > 300 && signature.height > 100);
    assert.match(signature.svg, /^<svg[^>]*>[\s\S]*<path[\s\S]*<\/svg>$/);
    assert.match(service.received[0]?.userAgent ?? '', /Chrome/);
  });

  it('shows progress while signing, and a refusal in the live region without losing the drawing', async () => {
    const { page } = browser;
    await page.goto(pageUrl);
    await drawSignature(page);
    let release = (): void => undefined;
    service.hold = new Promise<void>((resolve) => (release = resolve));
    service.next = {
      kind: 'tijdelijk-niet-beschikbaar',
      message: REFUSALS['tijdelijk-niet-beschikbaar'],
    };
    await completeAndSubmit(page, 'Rob de Boer');

    const busy = page.getByRole('button', { name: 'Bezig met ondertekenen…' });
    await busy.waitFor();
    assert.equal(await busy.isDisabled(), true);
    await page.locator('#melding', { hasText: 'Bezig met ondertekenen…' }).waitFor();
    release();

    const message = page.locator('#melding[aria-live]');
    await message.getByText(REFUSALS['tijdelijk-niet-beschikbaar']).waitFor();
    await page.screenshot({ path: `${screenshots}/signing-page-error.png`, fullPage: true });
    const button = page.getByRole('button', { name: 'Ondertekenen' });
    assert.equal(await button.isEnabled(), true);
    assert.equal(await page.getByLabel('Uw volledige naam').inputValue(), 'Rob de Boer');
    await page.getByText('Handtekening getekend (2 lijnen).').waitFor();

    // Again, nothing redrawn: the same strokes go out and this time are accepted.
    service.hold = undefined;
    await button.click();
    await page.getByRole('heading', { name: 'Ondertekend' }).waitFor();
    assert.equal(service.received.length, 2);
    assert.deepEqual(
      service.lastSubmission().signature.strokes,
      (service.received[0]?.submission as { signature: { strokes: unknown } }).signature.strokes,
    );
  });

  it('says what is missing before sending anything', async () => {
    const { page } = browser;
    await page.goto(pageUrl);
    await page.getByRole('button', { name: 'Ondertekenen' }).click();
    await page
      .locator('#melding')
      .getByText(
        'Vul uw volledige naam in. Teken uw handtekening in het vak. Vink aan dat u de tekst heeft gelezen en zich eraan houdt.',
      )
      .waitFor();
    assert.equal(await page.evaluate<string>('document.activeElement.id'), 'naam');
    assert.equal(await page.getByLabel('Uw volledige naam').getAttribute('aria-invalid'), 'true');
    assert.equal(service.received.length, 0);
  });

  it('clears the drawing with Wissen', async () => {
    const { page } = browser;
    await page.goto(pageUrl);
    await drawSignature(page);
    await page.getByRole('button', { name: 'Wissen' }).click();
    await page.getByText('Nog geen handtekening getekend.').waitFor();
    await completeAndSubmit(page, 'Rob de Boer');
    await page.locator('#melding').getByText('Teken uw handtekening in het vak.').waitFor();
    assert.equal(service.received.length, 0);
  });

  it('shows a refusal page for every bad link, with nothing to sign', async () => {
    const { page } = browser;
    for (const kind of [
      'ongeldige-link',
      'verlopen',
      'al-ondertekend',
      'niet-meer-geldig',
    ] as const) {
      const response = await page.goto(`${server.url}/ondertekenen?token=${kind}`);
      assert.ok((response?.status() ?? 0) >= 400, kind);
      await page.getByRole('heading', { level: 1, name: 'Ondertekenen niet mogelijk' }).waitFor();
      await page.getByText(REFUSALS[kind]).waitFor();
      assert.equal(await page.locator('form, canvas').count(), 0, kind);
      if (kind === 'verlopen') {
        await page.screenshot({ path: `${screenshots}/signing-page-refused.png` });
      }
    }
    assert.equal(service.received.length, 0);
  });

  it('can be used with the keyboard alone, apart from the drawing, with a visible focus', async () => {
    const { page } = browser;
    await page.goto(pageUrl);
    // The pad is a named image with its explanation, not a stop in the tab order.
    const pad = page.getByRole('img', { name: 'Handtekening' });
    assert.equal(await pad.count(), 1);
    const described = await pad.getAttribute('aria-describedby');
    assert.ok(described?.split(' ').includes('handtekening-uitleg'));
    await page
      .getByText('Het tekenen zelf kan niet met het toetsenbord', { exact: false })
      .waitFor();

    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      // A string: the tests' tsconfig has no DOM types.
      const focused = await page.evaluate<{ id: string; outline: string; width: string }>(`(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return { id: el.id, outline: style.outlineStyle, width: style.outlineWidth };
      })()`);
      assert.notEqual(focused.outline, 'none', `${focused.id} shows its focus`);
      assert.notEqual(focused.width, '0px', `${focused.id} shows its focus`);
      order.push(focused.id);
      if (focused.id === 'naam') await page.keyboard.type('Rob de Boer');
      if (focused.id === 'instemming') await page.keyboard.press('Space');
    }
    assert.deepEqual(order, ['naam', 'wissen', 'instemming', 'ondertekenen-knop']);
    const box = await page.getByRole('button', { name: 'Ondertekenen' }).boundingBox();
    if (box) {
      // With a margin: the focus ring is drawn outside the button.
      const clip = { x: box.x - 24, y: box.y - 24, width: box.width + 48, height: box.height + 48 };
      await page.screenshot({ path: `${screenshots}/signing-page-focus.png`, clip });
    }
    assert.equal(await page.getByLabel('Ik heb de tekst', { exact: false }).isChecked(), true);
    await page.keyboard.press('Enter');
    // Only the drawing is missing, and the live region says so.
    await page
      .locator('#melding[aria-live]')
      .getByText('Teken uw handtekening in het vak.', { exact: true })
      .waitFor();

    await drawSignature(page);
    await page.getByRole('button', { name: 'Ondertekenen' }).focus();
    await page.keyboard.press('Enter');
    const done = page.getByRole('heading', { name: 'Ondertekend' });
    await done.waitFor();
    assert.equal(await page.evaluate<string>('document.activeElement.id'), 'gelukt');
  });

  it('gives the drawing back as drawn after resizes that change the pad’s shape, back and forth', async () => {
    const { page } = browser;
    await page.goto(pageUrl);
    await drawSignature(page);
    const read = () =>
      page.evaluate<number[]>(`(() => {
        const canvas = document.getElementById('handtekening');
        return [canvas.width, canvas.height];
      })()`);
    const original = await read();
    for (const size of [
      { width: 390, height: 844 },
      { width: 1600, height: 500 },
      { width: 700, height: 1200 },
      { width: 1280, height: 900 },
    ]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(100);
    }
    assert.deepEqual(await read(), original, 'the pad is its first size again');
    await completeAndSubmit(page, 'Rob de Boer');
    await page.getByRole('heading', { name: 'Ondertekend' }).waitFor();
    const first = service.lastSubmission().signature;

    // The same strokes without any resize, as the reference.
    await page.goto(pageUrl);
    await drawSignature(page);
    await completeAndSubmit(page, 'Rob de Boer');
    await page.getByRole('heading', { name: 'Ondertekend' }).waitFor();
    const reference = service.lastSubmission().signature;
    assert.equal(first.strokes.length, reference.strokes.length);
    first.strokes.forEach((stroke, i) => {
      const expected = reference.strokes[i]!;
      assert.equal(stroke.length, expected.length, `stroke ${i} keeps its points`);
      stroke.forEach((point, j) => {
        const want = expected[j]!;
        assert.ok(
          Math.abs(point.x - want.x) < 1.5 && Math.abs(point.y - want.y) < 1.5,
          `stroke ${i} point ${j}: ${point.x},${point.y} against ${want.x},${want.y}`,
        );
      });
    });
  });

  it('fits a phone (390×844): the pad fills the width, nothing scrolls sideways, a resize keeps the drawing', async () => {
    const { page } = browser;
    await page.goto(pageUrl);
    await drawSignature(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByText('Handtekening getekend (2 lijnen).').waitFor();
    const measure = () =>
      page.evaluate<{
        scrollWidth: number;
        cssWidth: number;
        pixelWidth: number;
        ratio: number;
      }>(`(() => {
      const canvas = document.getElementById('handtekening');
      return {
        scrollWidth: document.documentElement.scrollWidth,
        cssWidth: canvas.getBoundingClientRect().width,
        pixelWidth: canvas.width,
        ratio: window.devicePixelRatio,
      };
    })()`);
    // The pad resizes on the window's resize event, which may come after the viewport changed:
    // measured again until it has, for at most 5 s (the page's CSP forbids waitForFunction's eval).
    let layout = await measure();
    for (
      const until = Date.now() + 5000;
      layout.pixelWidth !== Math.round(layout.cssWidth) * layout.ratio && Date.now() < until;
      layout = await measure()
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(layout.scrollWidth <= 390, `page width ${layout.scrollWidth}`);
    assert.ok(layout.cssWidth > 330 && layout.cssWidth < 390, `pad ${layout.cssWidth}`);
    assert.equal(layout.pixelWidth, Math.round(layout.cssWidth) * layout.ratio, 'pad resized');
    await page.getByLabel('Uw volledige naam').fill('Rob de Boer');
    await page.getByLabel('Ik heb de tekst hierboven gelezen', { exact: false }).check();
    await page.screenshot({ path: `${screenshots}/signing-page-phone.png`, fullPage: true });
    await page.getByRole('button', { name: 'Ondertekenen' }).click();
    await page.getByRole('heading', { name: 'Ondertekend' }).waitFor();
    const { signature } = service.lastSubmission();
    assert.equal(signature.strokes.length, 2, 'the drawing survived the resize');
    assert.ok(signature.width < 390);
    // It shrank with the pad: every point is still inside it, as the signer sees it.
    for (const point of signature.strokes.flat()) {
      assert.ok(point.x <= signature.width && point.y <= signature.height, JSON.stringify(point));
    }
  });

  it('signs a stroke that runs off the pad and back: its points are sent on the pad’s edge', async () => {
    const { page } = browser;
    await page.goto(pageUrl);
    const canvas = page.locator('canvas#handtekening');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    assert.ok(box);
    // Down on the pad, out past the right and the bottom edge, past the left and top, back on it.
    const path = [
      [0.5, 0.5],
      [1.15, 0.6],
      [1.2, 1.3],
      [0.6, 1.25],
      [-0.1, 0.5],
      [0.3, -0.2],
      [0.4, 0.4],
    ].map(([fx, fy]) => ({ x: box.x + box.width * fx!, y: box.y + box.height * fy! }));
    const [first, ...rest] = path;
    await page.mouse.move(first!.x, first!.y);
    await page.mouse.down();
    for (const point of rest) await page.mouse.move(point.x, point.y, { steps: 8 });
    await page.mouse.up();
    await page.getByText('Handtekening getekend (1 lijn).').waitFor();
    await completeAndSubmit(page, 'Rob de Boer');

    // The fake parses with the contract's schema: a point off the pad would be refused.
    await page.getByRole('heading', { name: 'Ondertekend' }).waitFor();
    const { signature } = service.lastSubmission();
    const points = signature.strokes.flat();
    for (const point of points) {
      assert.ok(point.x >= 0 && point.x <= signature.width, `x ${point.x}`);
      assert.ok(point.y >= 0 && point.y <= signature.height, `y ${point.y}`);
    }
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    assert.deepEqual(
      [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)],
      [0, signature.width, 0, signature.height],
      'the pad followed the pointer beyond every edge',
    );
  });
});
