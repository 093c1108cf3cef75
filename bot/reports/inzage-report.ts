import PDFDocument from 'pdfkit';
import type { InzageCasus, InzageDocument } from './inzage-document';

const MARGIN = 56;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

/**
 * The inzage as a readable PDF for the betrokkene: per casus the data with its purpose, the
 * recipients and the retention. `compress: false` is for nothing but debugging.
 */
export function renderInzageReport(
  inzage: InzageDocument,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: { Title: inzage.titel, Author: 'casusbot', Subject: 'Inzageverzoek betrokkene' },
    lang: 'nl-NL',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  write(doc, inzage);
  doc.end();
  return done;
}

const width = (doc: PDFKit.PDFDocument) => doc.page.width - 2 * MARGIN;

function text(doc: PDFKit.PDFDocument, value: string, size = 10, font = FONT, color = '#000') {
  doc
    .font(font)
    .fontSize(size)
    .fillColor(color)
    .text(value, MARGIN, undefined, {
      width: width(doc),
    });
}

function heading(doc: PDFKit.PDFDocument, value: string, size = 12): void {
  doc.moveDown(0.8);
  text(doc, value, size, BOLD);
  doc.moveDown(0.3);
}

function write(doc: PDFKit.PDFDocument, inzage: InzageDocument): void {
  text(doc, inzage.titel, 18, BOLD);
  doc.moveDown(0.4);
  text(doc, `Gemaakt op ${inzage.gemaaktOp} door ${inzage.gemaaktDoor}.`, 9, FONT, '#333');
  doc.moveDown(0.6);
  text(doc, inzage.toelichting);
  for (const casus of inzage.casussen) writeCasus(doc, casus);
}

type Fields = InzageCasus['gegevens'][number]['velden'];

/** Each category once, above its fields; a purpose once, under the first field it serves. */
function fields(doc: PDFKit.PDFDocument, velden: Fields): void {
  let category = '';
  let purpose = '';
  for (const field of velden) {
    if (field.categorie !== category) {
      category = field.categorie;
      purpose = '';
      doc.moveDown(0.2);
      text(doc, category, 9.5, BOLD, '#444');
      doc.moveDown(0.1);
    }
    text(doc, field.veld, 9, BOLD, '#333');
    text(doc, field.waarden.join('\n'));
    if (field.doel !== purpose) text(doc, `Doel: ${field.doel}`, 8, FONT, '#555');
    purpose = field.doel;
    doc.moveDown(0.25);
  }
}

/** The answers as typed serve the purposes of the submitted ones: one line each. */
function typedFields(doc: PDFKit.PDFDocument, velden: Fields): void {
  text(doc, 'Met dezelfde doelen als de ingediende gegevens hierboven.', 8, FONT, '#555');
  doc.moveDown(0.2);
  for (const field of velden) {
    doc
      .font(BOLD)
      .fontSize(9)
      .fillColor('#333')
      .text(`${field.veld}: `, MARGIN, undefined, { width: width(doc), continued: true })
      .font(FONT)
      .fontSize(10)
      .fillColor('#000')
      .text(field.waarden.join('; '));
    doc.moveDown(0.15);
  }
}

function writeCasus(doc: PDFKit.PDFDocument, casus: InzageCasus): void {
  doc.addPage();
  text(doc, `Casus ${casus.casusnummer}`, 15, BOLD);
  doc.moveDown(0.3);
  text(
    doc,
    `${casus.kamer} · ${casus.status} · aangemeld ${casus.aangemeldOp} · laatste wijziging ${casus.laatsteWijziging}`,
    9,
    FONT,
    '#333',
  );
  heading(doc, 'Gegevens over betrokkene');
  for (const group of casus.gegevens) {
    doc.moveDown(0.4);
    text(doc, group.titel, 11, BOLD, '#222');
    doc.moveDown(0.2);
    if (group.bron === 'formulier') typedFields(doc, group.velden);
    else fields(doc, group.velden);
  }
  heading(doc, 'Doelen');
  for (const doel of casus.doelen) text(doc, `• ${doel}`);
  heading(doc, 'Ontvangers');
  text(
    doc,
    'Deelnemers die de casus hebben ingezien of bewerkt (volgens het toegangslog):',
    10,
    BOLD,
  );
  if (casus.ontvangers.deelnemers.length === 0) text(doc, 'Niemand.');
  for (const d of casus.ontvangers.deelnemers) {
    text(
      doc,
      `• ${d.naam}, ${d.organisatie} (${d.rollen}): ${d.wat.join(', ')}; van ${d.eerste} tot ${d.laatste}`,
    );
  }
  if (!casus.ontvangers.volledig)
    text(doc, 'Het toegangslog bevat meer regels dan hier zijn opgenomen.', 9, FONT, '#555');
  doc.moveDown(0.4);
  text(doc, 'Incidentele deelnemers (art. 2.21 BGS):', 10, BOLD);
  if (casus.ontvangers.incidenteleDeelnemers.length === 0) text(doc, 'Geen.');
  for (const i of casus.ontvangers.incidenteleDeelnemers) {
    text(doc, `• ${i.organisatie}, contactpersoon ${i.contactpersoon}: ${i.status}`);
    for (const share of i.gedeeld) text(doc, `   gedeeld op ${share.op}, doel: ${share.doel}`, 9);
  }
  heading(doc, 'Bewaartermijn');
  text(doc, casus.bewaartermijn);
}
