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
  const size = { width: 0, height: 0 };
  // What was drawn, at the pad size it was drawn at. A resize scales from this, never from the last
  // resize: resizes that change the aspect ratio (a screenshot, a phone turned) would otherwise
  // shrink the drawing a little more each time.
  let drawn: { data: PointGroup[]; width: number; height: number } = {
    data: [],
    width: 0,
    height: 0,
  };
  const keep = (): void => {
    drawn = { data: pad.toData(), width: size.width, height: size.height };
  };

  const fit = (): void => {
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    const width = Math.round(canvas.offsetWidth);
    const height = Math.round(canvas.offsetHeight);
    // Hidden is no size to scale the drawing to: it would collapse every point.
    if (width === 0 || height === 0) return;
    if (width === size.width && height === size.height) return;
    size.width = width;
    size.height = height;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    canvas.getContext('2d')?.scale(ratio, ratio);
    // What was drawn shrinks or grows with the pad, so the submission is what the signer sees.
    const scale = drawn.width === 0 ? 1 : Math.min(width / drawn.width, height / drawn.height);
    pad.fromData(scaled(drawn.data, scale));
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
  pad.addEventListener('endStroke', () => {
    keep();
    describe();
  });
  clearButton.addEventListener('click', () => {
    pad.clear();
    keep();
    describe();
  });

  return {
    isEmpty: () => pad.isEmpty(),
    read: () => ({
      width: size.width,
      height: size.height,
      strokes: toStrokes(pad.toData(), openedAt, size),
      svg: pad.toSVG(),
    }),
    clear: () => {
      pad.clear();
      keep();
      describe();
    },
  };
}
