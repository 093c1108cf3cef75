import assert from 'node:assert/strict';
import type { RunningHttpServer } from '../../bot/http/http-server';
import { openBrowser, type HeadlessBrowser } from '../helpers/browser';
import { FakeSigningService, VALID_TOKEN } from '../helpers/fake-signing-service';
import { completeAndSubmit } from '../helpers/signing-page';
import { startSigningServer } from '../helpers/signing-server';

describe('the signing pad at its edges (headless Chromium)', () => {
  let service: FakeSigningService;
  let server: RunningHttpServer;
  let browser: HeadlessBrowser;

  before(async () => {
    browser = await openBrowser();
    await browser.page.setViewportSize({ width: 1280, height: 900 });
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

  it('signs a stroke that runs off the pad and back: its points are sent on the pad’s edge', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/ondertekenen?token=${VALID_TOKEN}`);
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
