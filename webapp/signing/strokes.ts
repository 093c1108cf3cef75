import type { PointGroup } from 'signature_pad';
import type { DrawnSignature } from '../../src/domain/invitation/signed-declaration.schema';
import { SIGNATURE_LIMITS, withinRange } from '../../src/domain/invitation/signature-limits';

const round = (value: number): number => Math.round(value * 10) / 10;

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
        x: withinRange(round(point.x), pad.width),
        y: withinRange(round(point.y), pad.height),
        t: withinRange(Math.round(point.time - openedAt), SIGNATURE_LIMITS.pointMs),
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
