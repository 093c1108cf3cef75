import SignaturePad, { type PointGroup } from 'signature_pad';
import type { DrawnSignature } from '../../src/domain/invitation/signed-declaration.schema';
import { toStrokes } from './strokes';

function scaled(groups: PointGroup[], factor: number): PointGroup[] {
  return groups.map((group) => ({
    ...group,
    points: group.points.map((point) => ({ ...point, x: point.x * factor, y: point.y * factor })),
  }));
}

export interface SignatureField {
  isEmpty(): boolean;
  /** The drawing as the submission carries it: vector points and the pad's SVG. */
  read(): DrawnSignature;
  clear(): void;
}

/**
 * The drawing pad: sized to its box in CSS pixels and sharp on high-density screens. A resize
 * (a phone turned, a dialog resized) redraws what was drawn rather than losing it; a screen-reader
 * user hears through the status line whether something was drawn.
 */
export function signatureField(
  canvas: HTMLCanvasElement,
  status: HTMLElement,
  clearButton: HTMLButtonElement,
): SignatureField {
  const openedAt = Date.now();
  const pad = new SignaturePad(canvas, { penColor: '#1b1b1b', minWidth: 0.8, maxWidth: 2.6 });
  const size = { width: 1, height: 1 };

  const fit = (): void => {
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    const width = Math.round(canvas.offsetWidth);
    const height = Math.round(canvas.offsetHeight);
    // Hidden (the form while a submission is under way) is no size to scale the drawing to: it
    // would collapse every point, and the drawing shown again would not be the one drawn.
    if (width === 0 || height === 0) return;
    if (width === size.width && height === size.height) return;
    // What was drawn shrinks or grows with the pad, so the submission is what the signer sees.
    const scale = Math.min(width / size.width, height / size.height);
    const drawn = pad.toData();
    size.width = width;
    size.height = height;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    canvas.getContext('2d')?.scale(ratio, ratio);
    pad.fromData(scaled(drawn, scale));
  };
  const describe = (): void => {
    const strokes = pad.toData().length;
    status.textContent =
      strokes === 0
        ? 'Nog geen handtekening getekend.'
        : `Handtekening getekend (${strokes} ${strokes === 1 ? 'lijn' : 'lijnen'}).`;
  };

  fit();
  new ResizeObserver(fit).observe(canvas);
  pad.addEventListener('endStroke', describe);
  clearButton.addEventListener('click', () => {
    pad.clear();
    describe();
  });

  return {
    isEmpty: () => pad.isEmpty(),
    read: () => ({
      width: size.width,
      height: size.height,
      strokes: toStrokes(pad.toData(), openedAt),
      svg: pad.toSVG(),
    }),
    clear: () => {
      pad.clear();
      describe();
    },
  };
}
