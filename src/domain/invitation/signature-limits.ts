/**
 * The limits of a drawn signature: one source for the evidence schema and the signing page, which
 * checks them before it posts. No zod here, so the page's bundle stays without it.
 */
export const SIGNATURE_LIMITS = {
  strokes: 100,
  pointsPerStroke: 2000,
  svgChars: 200_000,
  /**
   * The latest time a point may carry: longer than a shown receipt lasts (2 hours), so no page
   * that may still sign reaches it, and far below what a PDF or a clock could choke on.
   */
  pointMs: 3 * 60 * 60 * 1000,
} as const;

/** The value put within [0, max]: a point onto the pad, a time into range. */
export const withinRange = (value: number, max: number): number =>
  Math.min(Math.max(value, 0), max);
