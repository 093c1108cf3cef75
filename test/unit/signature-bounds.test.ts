import assert from 'node:assert/strict';
import type { PointGroup } from 'signature_pad';
import { signatureSvg } from '../../bot/reports/signature-drawing';
import { SHOWN_RECEIPT_TTL_SECONDS } from '../../src/app/invitation/shown-receipt';
import {
  drawnSignatureSchema,
  submittedSignatureSchema,
} from '../../src/domain/invitation/signed-declaration.schema';
import { SIGNATURE_LIMITS } from '../../src/domain/invitation/signature-limits';
import { toStrokes } from '../../webapp/signing/strokes';
import { drawnSignature } from '../helpers/signing-fixtures';

type Point = { x: number; y: number; t: number };
/** The fixture's drawing (400 × 160) with its first point replaced. */
const withPoint = (point: Point) => {
  const signature = drawnSignature();
  signature.strokes[0]![0] = point;
  return signature;
};

describe('signature points: on the pad, with a sane time', () => {
  it('accepts points anywhere on the pad, its edges included', () => {
    for (const point of [
      { x: 0, y: 0, t: 0 },
      { x: 400, y: 160, t: SIGNATURE_LIMITS.pointMs },
      { x: 399.9, y: 0.1, t: 1234 },
    ]) {
      const parsed = submittedSignatureSchema.safeParse(withPoint(point));
      assert.ok(parsed.success, JSON.stringify(point));
    }
  });

  it('refuses a point off the pad, huge or not finite, or a time out of range, in Dutch', () => {
    for (const point of [
      { x: 1e22, y: 80, t: 0 },
      { x: 10, y: -1e22, t: 0 },
      { x: -0.5, y: 80, t: 0 },
      { x: 400.1, y: 80, t: 0 },
      { x: 10, y: 160.5, t: 0 },
      { x: Number.POSITIVE_INFINITY, y: 80, t: 0 },
      { x: Number.NaN, y: 80, t: 0 },
      { x: 10, y: 80, t: -1 },
      { x: 10, y: 80, t: SIGNATURE_LIMITS.pointMs + 1 },
      { x: 10, y: 80, t: 1e22 },
    ]) {
      const parsed = submittedSignatureSchema.safeParse(withPoint(point));
      assert.equal(parsed.success, false, JSON.stringify(point));
    }
    const off = submittedSignatureSchema.safeParse(withPoint({ x: 1e22, y: 80, t: 0 }));
    assert.match(off.error?.issues[0]?.message ?? '', /buiten het vak/);
  });

  it('reports a drawing with many points off the pad once, not once per point', () => {
    const signature = drawnSignature();
    signature.strokes = [Array.from({ length: 2000 }, (_, i) => ({ x: -1, y: -1, t: i }))];
    const parsed = submittedSignatureSchema.safeParse(signature);
    assert.equal(parsed.error?.issues.length, 1);
  });

  it('still reads a stored record whose points were not checked yet', () => {
    assert.ok(drawnSignatureSchema.safeParse(withPoint({ x: 1e22, y: -1e22, t: 1e22 })).success);
  });

  it('lets any page that may still sign stay within the time bound', () => {
    assert.ok(SIGNATURE_LIMITS.pointMs > SHOWN_RECEIPT_TTL_SECONDS * 1000);
  });

  it('the page puts points the pad followed beyond its edge on the edge, and keeps times in range', () => {
    const group = (points: { x: number; y: number; time: number }[]) =>
      ({ points: points.map((p) => ({ ...p, pressure: 0.5 })) }) as unknown as PointGroup;
    const openedAt = 1_000_000;
    const strokes = toStrokes(
      [
        group([
          { x: 12.34, y: 50, time: openedAt + 10 },
          { x: 405.7, y: 170.2, time: openedAt + 20 },
          { x: -3, y: -0.04, time: openedAt - 500 },
          { x: 200, y: 80, time: openedAt + SIGNATURE_LIMITS.pointMs + 10_000 },
        ]),
      ],
      openedAt,
      { width: 400, height: 160 },
    );
    assert.deepEqual(strokes, [
      [
        { x: 12.3, y: 50, t: 10 },
        { x: 400, y: 160, t: 20 },
        { x: 0, y: 0, t: 0 },
        { x: 200, y: 80, t: SIGNATURE_LIMITS.pointMs },
      ],
    ]);
    const signature = { ...drawnSignature(), strokes };
    assert.ok(submittedSignatureSchema.safeParse(signature).success);
  });

  it('draws the SVG of an older record with huge points on the pad', () => {
    const svg = signatureSvg(withPoint({ x: 1e22, y: -1e22, t: 0 }), 'Handtekening');
    const paths = [...svg.matchAll(/<path d="([^"]*)"\/>/g)].map((m) => m[1]);
    assert.deepEqual(paths, ['M400 0 L60 40 L110 90', 'M150 60 L220 70']);
  });
});
