import PDFDocument from 'pdfkit';
import type { EvidenceFacts, EvidenceField } from '../../src/app/invitation/evidence-facts';
import { utc } from '../../src/app/invitation/evidence-facts';
import { strokesOnPad } from './signature-drawing';

const MARGIN = 56;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const MONO = 'Courier';

/**
 * The printable evidence report of one signed geheimhoudingsverklaring (BGS art. 2.21 lid 2): the
 * casus by number only, who signed for which organisation, the exact text, the signature drawn
 * from its vector points, every evidence field, the hashes, the JWS, the audit line that carries
 * the record's hash, and how to verify each. `compress: false` is for nothing but debugging.
 */
export function renderEvidenceReport(
  facts: EvidenceFacts,
  options: { generatedAt: Date; compress?: boolean },
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: {
      Title: `Bewijsrapport geheimhoudingsverklaring, casus ${facts.casusNumber}`,
      Author: 'casusbot',
      Subject: 'Geheimhoudingsverklaring incidentele deelnemer (art. 2.21 lid 2 BGS)',
    },
    lang: 'nl-NL',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  write(doc, facts, options.generatedAt);
  doc.end();
  return done;
}

const width = (doc: PDFKit.PDFDocument) => doc.page.width - 2 * MARGIN;

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(0.8).font(BOLD).fontSize(12).fillColor('#000').text(text, MARGIN);
  doc.moveDown(0.3);
}

function fields(doc: PDFKit.PDFDocument, list: readonly EvidenceField[]): void {
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

function signature(doc: PDFKit.PDFDocument, facts: EvidenceFacts): void {
  const { signature: drawn } = facts;
  const boxWidth = Math.min(width(doc), 360);
  const scale = Math.min(boxWidth / drawn.width, 140 / drawn.height);
  const boxHeight = drawn.height * scale;
  if (doc.y + boxHeight + 20 > doc.page.height - MARGIN) doc.addPage();
  const top = doc.y;
  doc
    .save()
    .rect(MARGIN, top, drawn.width * scale, boxHeight)
    .lineWidth(0.5)
    .stroke('#999');
  doc.lineWidth(1.6).lineCap('round').lineJoin('round').strokeColor('#111');
  for (const stroke of strokesOnPad(drawn)) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    doc.moveTo(MARGIN + first.x * scale, top + first.y * scale);
    for (const point of rest.length > 0 ? rest : [{ x: first.x + 0.3, y: first.y }]) {
      doc.lineTo(MARGIN + point.x * scale, top + point.y * scale);
    }
    doc.stroke();
  }
  doc.restore();
  doc.x = MARGIN;
  doc.y = top + boxHeight + 8;
}

function write(doc: PDFKit.PDFDocument, facts: EvidenceFacts, generatedAt: Date): void {
  doc.font(BOLD).fontSize(16).text('Bewijsrapport geheimhoudingsverklaring');
  doc
    .font(FONT)
    .fontSize(10)
    .fillColor('#333')
    .text(`Casus ${facts.casusNumber} · opgemaakt ${utc(generatedAt.toISOString())}`);
  doc.fillColor('#000').moveDown(0.5);
  fields(doc, [
    { label: 'Casusnummer', value: facts.casusNumber },
    { label: 'Organisatie', value: facts.organisation },
    { label: 'Genodigde', value: facts.invitee },
    {
      label: 'Verklaring',
      value: `${facts.declaration.title}; ${facts.declaration.variant}, versie ${facts.declaration.version}`,
    },
  ]);

  heading(doc, 'De ondertekende tekst');
  doc
    .font(FONT)
    .fontSize(10)
    .text(facts.text ?? 'De tekst van deze versie is niet beschikbaar.', {
      width: width(doc),
      align: 'left',
    });
  if (!facts.textMatches) {
    doc
      .moveDown(0.3)
      .font(BOLD)
      .fillColor('#a00')
      .text('Let op: deze tekst komt niet overeen met de vastgelegde hash.')
      .fillColor('#000');
  }

  heading(doc, 'Handtekening (getekend uit de vastgelegde punten)');
  signature(doc, facts);

  heading(doc, 'Bewijsgegevens');
  fields(doc, facts.evidence);

  heading(doc, 'Hashes');
  fields(doc, facts.hashes);

  heading(doc, 'JWS (het bewijsstuk, ondertekend door de server)');
  doc
    .font(MONO)
    .fontSize(7)
    .text(facts.jws, { width: width(doc), lineBreak: true });

  heading(doc, 'Auditregel met de hash van het bewijsstuk');
  fields(doc, facts.auditLine);

  heading(doc, 'Zo controleer je dit bewijs');
  facts.howToVerify.forEach((step, i) => {
    doc
      .font(FONT)
      .fontSize(10)
      .text(`${i + 1}. ${step}`, MARGIN, undefined, { width: width(doc) });
    doc.moveDown(0.3);
  });
}
