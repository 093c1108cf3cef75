import type { DrawnSignature } from '../../src/domain/invitation/signed-declaration.schema';
import { withinRange } from '../../src/domain/invitation/signature-limits';

const coordinate = (n: number) => (Math.round(n * 10) / 10).toString();

type Drawing = Pick<DrawnSignature, 'strokes' | 'width' | 'height'>;

/**
 * The recorded points put on the pad. New submissions are checked to lie on it; a record stored
 * before that check may hold any finite number, and one too large for a PDF would make its report
 * fail for good, since the record is never changed.
 */
export function strokesOnPad(signature: Drawing): DrawnSignature['strokes'] {
  return signature.strokes.map((stroke) =>
    stroke.map((point) => ({
      x: withinRange(point.x, signature.width),
      y: withinRange(point.y, signature.height),
      t: point.t,
    })),
  );
}

/**
 * The SVG path data of each stroke, built from the recorded points: the page and the report draw
 * the signature from its vectors and never show the SVG markup the browser sent.
 */
export function strokePaths(signature: Drawing): string[] {
  return strokesOnPad(signature).map((stroke) => {
    const [first, ...rest] = stroke;
    if (!first) return '';
    // A single point (a dot) is drawn as a tiny line so it shows with round caps.
    const tail = rest.length > 0 ? rest : [{ x: first.x + 0.1, y: first.y }];
    return `M${coordinate(first.x)} ${coordinate(first.y)}${tail.map((p) => ` L${coordinate(p.x)} ${coordinate(p.y)}`).join('')}`;
  });
}

/** A complete <svg> of the signature, made here: only numbers from the record go into it. */
export function signatureSvg(signature: DrawnSignature, label: string): string {
  const paths = strokePaths(signature)
    .map((d) => `<path d="${d}"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${label}" viewBox="0 0 ${signature.width} ${signature.height}" width="${signature.width}" height="${signature.height}" class="handtekening"><g fill="none" stroke="#111" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round">${paths}</g></svg>`;
}
