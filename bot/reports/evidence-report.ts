import type { EvidenceFacts } from '../../src/app/invitation/evidence-facts';
import { utc } from '../../src/app/invitation/evidence-facts';
import { BOLD, FONT, MARGIN, MONO, fields, heading, pdfDocument, width } from './pdf-parts';
import { strokesOnPad } from './signature-drawing';

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
  const { doc, bytes } = pdfDocument(
    {
      Title: `Bewijsrapport geheimhoudingsverklaring, casus ${facts.casusNumber}`,
      Subject: 'Geheimhoudingsverklaring incidentele deelnemer (art. 2.21 lid 2 BGS)',
    },
    { compress: options.compress },
  );
  write(doc, facts, options.generatedAt);
  doc.end();
  return bytes;
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
