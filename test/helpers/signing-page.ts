import { createHash } from 'node:crypto';
import type { Frame, Page } from 'playwright-core';

/** Two strokes drawn with the mouse, as a hand would: down, a few moves, up. */
export async function drawSignature(page: Page, target: Page | Frame = page): Promise<void> {
  const canvas = target.locator('canvas#handtekening');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the signing pad is not visible');
  const at = (fx: number, fy: number) => ({
    x: box.x + box.width * fx,
    y: box.y + box.height * fy,
  });
  const strokes = [
    [at(0.1, 0.6), at(0.2, 0.3), at(0.3, 0.65), at(0.4, 0.35), at(0.5, 0.6)],
    [at(0.55, 0.5), at(0.7, 0.45), at(0.85, 0.55)],
  ];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    await page.mouse.move(first.x, first.y);
    await page.mouse.down();
    for (const point of rest) await page.mouse.move(point.x, point.y, { steps: 6 });
    await page.mouse.up();
  }
}

/** The SHA-256 of the declaration exactly as the page shows it. */
export async function shownTextSha256(target: Page | Frame): Promise<string> {
  const text = await target.evaluate<string>(
    "document.getElementById('verklaring-tekst').textContent",
  );
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Name, the tick, then the button: what the invitee does after drawing. */
export async function completeAndSubmit(target: Page | Frame, name: string): Promise<void> {
  await target.getByLabel('Uw volledige naam').fill(name);
  await target.getByLabel('Ik heb de tekst hierboven gelezen', { exact: false }).check();
  await target.getByRole('button', { name: 'Ondertekenen' }).click();
}
