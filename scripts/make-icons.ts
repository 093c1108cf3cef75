// Draws the app icons: manifest/color.png (192×192, full colour) and manifest/outline.png
// (32×32, white on transparent), as Teams requires. Run after changing the design: `npm run icons`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

const ACCENT = [0x1f, 0x4e, 0x79] as const;

/** A ring with a check mark: a casus that passed its toets. Coordinates are fractions of the size. */
function inGlyph(x: number, y: number): boolean {
  const dx = x - 0.5;
  const dy = y - 0.5;
  const r = Math.hypot(dx, dy);
  const ring = r > 0.3 && r < 0.4;
  const nearSegment = (ax: number, ay: number, bx: number, by: number, width: number) => {
    const t = Math.max(
      0,
      Math.min(
        1,
        ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
      ),
    );
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) < width;
  };
  const check =
    nearSegment(0.36, 0.52, 0.46, 0.62, 0.045) || nearSegment(0.46, 0.62, 0.66, 0.4, 0.045);
  return ring || check;
}

function draw(size: number, background: readonly [number, number, number] | undefined): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const glyph = inGlyph((x + 0.5) / size, (y + 0.5) / size);
      const [r, g, b, a] = glyph
        ? [255, 255, 255, 255]
        : background
          ? [...background, 255]
          : [0, 0, 0, 0];
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png);
}

const manifest = join(__dirname, '..', 'manifest');
writeFileSync(join(manifest, 'color.png'), draw(192, ACCENT));
writeFileSync(join(manifest, 'outline.png'), draw(32, undefined));
process.stdout.write('wrote manifest/color.png and manifest/outline.png\n');
