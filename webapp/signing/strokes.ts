import type { PointGroup } from 'signature_pad';
import type { DrawnSignature } from '../../src/domain/invitation/signed-declaration.schema';

/**
 * The limits of `submittedSignatureSchema`, checked or kept here so nothing is posted in vain.
 * Repeated rather than imported: the schema would bring zod into the page's bundle.
 */
export const SIGNATURE_LIMITS = {
  strokes: 100,
  pointsPerStroke: 2000,
  svgChars: 200_000,
  pointMs: 3 * 60 * 60 * 1000,
};

const round = (value: number): number => Math.round(value * 10) / 10;
const within = (value: number, max: number): number => Math.min(Math.max(value, 0), max);

/**
 * The pad's strokes as the evidence keeps them: points in CSS pixels of the pad and their time in
 * milliseconds since the pad opened (the pad itself records wall-clock time). The pad follows the
 * pointer beyond its edge while a stroke lasts; such points are put on the edge, where the line
 * shows, since the server refuses points off the pad. A clock set back or far ahead is kept in range
 * the same way: the receipt, not the points, says when a page was open too long.
 */
export function toStrokes(
  groups: readonly PointGroup[],
  openedAt: number,
  pad: { width: number; height: number },
): DrawnSignature['strokes'] {
  return groups
    .filter((group) => group.points.length > 0)
    .map((group) =>
      group.points.map((point) => ({
        x: within(round(point.x), pad.width),
        y: within(round(point.y), pad.height),
        t: within(Math.round(point.time - openedAt), SIGNATURE_LIMITS.pointMs),
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
