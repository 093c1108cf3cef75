import type { PointGroup } from 'signature_pad';
import type { DrawnSignature } from '../../src/domain/invitation/signed-declaration.schema';

/** The evidence record's limits (`drawnSignatureSchema`): checked here so nothing is posted in vain. */
export const SIGNATURE_LIMITS = { strokes: 100, pointsPerStroke: 2000, svgChars: 200_000 };

const round = (value: number): number => Math.round(value * 10) / 10;

/**
 * The pad's strokes as the evidence keeps them: points in CSS pixels of the pad and their time in
 * milliseconds since the pad opened (the pad itself records wall-clock time).
 */
export function toStrokes(
  groups: readonly PointGroup[],
  openedAt: number,
): DrawnSignature['strokes'] {
  return groups
    .filter((group) => group.points.length > 0)
    .map((group) =>
      group.points.map((point) => ({
        x: round(point.x),
        y: round(point.y),
        t: Math.max(0, Math.round(point.time - openedAt)),
      })),
    );
}

/** Whether the drawing fits what the server accepts; a drawing beyond it should be drawn again. */
export function fitsLimits(signature: Pick<DrawnSignature, 'strokes' | 'svg'>): boolean {
  return (
    signature.strokes.length <= SIGNATURE_LIMITS.strokes &&
    signature.strokes.every((stroke) => stroke.length <= SIGNATURE_LIMITS.pointsPerStroke) &&
    signature.svg.length <= SIGNATURE_LIMITS.svgChars
  );
}
