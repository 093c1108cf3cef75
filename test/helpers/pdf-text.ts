import { inflateSync } from 'node:zlib';

/** Windows-1252 above 0x7f where it differs from Latin-1: the standard fonts' WinAnsi encoding. */
const winAnsi: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x84: '„',
  0x85: '…',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x99: '™',
};

function decodeHex(hex: string): string {
  const bytes = Buffer.from(hex.replace(/\s+/g, ''), 'hex');
  return [...bytes].map((b) => winAnsi[b] ?? String.fromCharCode(b)).join('');
}

/**
 * The text of a PDF that pdfkit wrote with its standard fonts: every content stream inflated (as
 * a viewer does) and the hex strings of its text operators decoded, one line per text object.
 * Enough to check what a report says; not a general PDF parser.
 */
export function pdfText(pdf: Buffer): { text: string; pages: number } {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const streams = /<<([^]*?)>>\s*stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streams.exec(raw))) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    let body = Buffer.from(raw.slice(start, end), 'latin1');
    if (/\/FlateDecode/.test(match[1] ?? '')) {
      try {
        body = inflateSync(body);
      } catch {
        continue; // an image or font stream that is not ours to read
      }
    }
    const content = body.toString('latin1');
    for (const text of content.match(/BT[^]*?ET/g) ?? []) {
      const pieces = [...text.matchAll(/<([0-9a-fA-F\s]*)>/g)].map((m) => decodeHex(m[1] ?? ''));
      if (pieces.length > 0) lines.push(pieces.join(''));
    }
  }
  const pages = (raw.match(/\/Type\s*\/Page\b/g) ?? []).length;
  return { text: lines.join('\n'), pages };
}
