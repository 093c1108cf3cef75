import PDFDocument from 'pdfkit';
import type { EvidenceField } from '../../src/app/invitation/evidence-facts';

export const MARGIN = 56;
export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const MONO = 'Courier';

/**
 * An A4 document of casusbot and the bytes it becomes once `doc.end()` is called. `compress:
 * false` is for nothing but debugging; `bufferPages` keeps every page open for a footer.
 */
export function pdfDocument(
  info: { Title: string; Subject: string },
  options: { compress?: boolean; bufferPages?: boolean } = {},
): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    bufferPages: options.bufferPages ?? false,
    info: { ...info, Author: 'casusbot' },
    lang: 'nl-NL',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

export const width = (doc: PDFKit.PDFDocument) => doc.page.width - 2 * MARGIN;

export function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(0.8).font(BOLD).fontSize(12).fillColor('#000').text(text, MARGIN);
  doc.moveDown(0.3);
}

/** Label above value, one after another; codes (hashes, ids) in a monospace font. */
export function fields(doc: PDFKit.PDFDocument, list: readonly EvidenceField[]): void {
  for (const field of list) {
    doc
      .font(BOLD)
      .fontSize(9)
      .fillColor('#333')
      .text(field.label, MARGIN, undefined, {
        width: width(doc),
      });
    doc
      .font(field.code ? MONO : FONT)
      .fontSize(field.code ? 8.5 : 10)
      .fillColor('#000')
      .text(field.value, { width: width(doc), lineBreak: true });
    doc.moveDown(0.25);
  }
}

/** What the standard fonts' WinAnsi encoding holds beyond Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const printable = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return (
    char === '\n' ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.has(char)
  );
};

/**
 * Typed text for the standard fonts, literally: a character they cannot show (an emoji, ş, ı)
 * would come out as other, wrong characters, so it is shown as "?" instead, and the document says
 * so (`unprintable`). Nothing else is changed: a PDF interprets no markup.
 */
export function printableText(text: string): string {
  return [...normalised(text)].map((c) => (printable(c) ? c : '?')).join('');
}

export const unprintable = (text: string): boolean =>
  [...normalised(text)].some((c) => !printable(c));

const normalised = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
