import type { EvidenceField } from '../../src/app/invitation/evidence-facts';
import type { DossierFacts } from '../presenters/dossier.presenter';
import {
  BOLD,
  FONT,
  MARGIN,
  fields,
  heading,
  pdfDocument,
  printableText,
  unprintable,
  width,
} from './pdf-parts';

/**
 * The dossier of one casus for the casusoverleg: the intake with its assessment against BGS art.
 * 2.20 and its evidence, every audit line, the signed declarations' evidence, and whether the
 * hash chain holds. Every page carries who made it and when, and that it is confidential: the
 * copy leaves the system's access control.
 */
export function renderDossierReport(
  facts: DossierFacts,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const { doc, bytes } = pdfDocument(
    {
      Title: `Dossier casus ${facts.casusNumber}`,
      Subject: 'Casusdossier voor het casusoverleg (WGS)',
    },
    { compress: options.compress, bufferPages: true },
  );
  write(doc, facts);
  stampPages(doc, facts);
  doc.end();
  return bytes;
}

const say = (doc: PDFKit.PDFDocument, text: string, size = 10, font = FONT, color = '#000') =>
  doc
    .font(font)
    .fontSize(size)
    .fillColor(color)
    .text(printableText(text), MARGIN, undefined, { width: width(doc) });

const literal = (list: readonly EvidenceField[]) =>
  list.map((field) => ({ ...field, value: printableText(field.value) }));

/** "Label: value" lines, for the short facts of the header and the intake's evidence. */
function inline(doc: PDFKit.PDFDocument, list: readonly EvidenceField[]): void {
  for (const field of list) {
    doc
      .font(BOLD)
      .fontSize(9.5)
      .fillColor('#333')
      .text(`${printableText(field.label)}: `, MARGIN, undefined, {
        width: width(doc),
        continued: true,
      })
      .font(FONT)
      .fillColor('#000')
      .text(printableText(field.value));
  }
  doc.moveDown(0.3);
}

/** Keeps a block's first lines with its heading: a new page rather than a lone title. */
function room(doc: PDFKit.PDFDocument, needed: number): void {
  if (doc.y + needed > doc.page.height - MARGIN) doc.addPage();
}

function write(doc: PDFKit.PDFDocument, facts: DossierFacts): void {
  doc.font(BOLD).fontSize(16).text(`Dossier casus ${facts.casusNumber}`);
  say(doc, `Voor het casusoverleg · ${facts.stamp}`, 10, FONT, '#333');
  say(
    doc,
    'Vertrouwelijk (WGS): alleen voor de deelnemers aan het casusoverleg van deze casus. Deel of bewaar dit document niet buiten de afspraken van het samenwerkingsverband; de casus zelf blijft in casusbot.',
    9,
    FONT,
    '#a00',
  );
  if (unprintable(JSON.stringify(facts))) {
    say(
      doc,
      'Let op: sommige getypte tekens kan deze PDF niet weergeven; ze staan hier als "?". De casus in casusbot bevat de tekst zoals die getypt is.',
      9,
      FONT,
      '#a00',
    );
  }
  doc.moveDown(0.5);
  inline(doc, facts.header);

  heading(doc, 'Toets aan art. 2.20 BGS bij aanmelding');
  if (!facts.assessment) say(doc, 'Niet vastgelegd: de casus heeft geen ingediende intake.');
  else {
    say(doc, facts.assessment.verdict, 10, BOLD);
    for (const criterion of facts.assessment.criteria) {
      room(doc, 80);
      doc.moveDown(0.4);
      say(doc, `${criterion.title}: ${criterion.met ? 'voldaan' : 'niet voldaan'}`, 10, BOLD);
      say(doc, criterion.explanation);
      say(doc, 'Motivering van de aanmelder:', 9, BOLD, '#333');
      say(doc, criterion.motivation);
    }
  }

  if (facts.evidence) {
    heading(doc, 'Onderbouwing van de intake');
    for (const section of facts.evidence.sections) {
      room(doc, 60);
      say(doc, section.title, 10, BOLD);
      inline(
        doc,
        section.lines.map((line) => ({ label: line.label, value: line.text })),
      );
    }
  }

  heading(doc, `Verloop: alle ${facts.timeline.length} auditregels`);
  for (const event of facts.timeline) {
    room(doc, 60);
    say(doc, `${event.number}. ${event.what} · ${event.when}`, 10, BOLD);
    say(doc, event.who, 9, FONT, '#333');
    say(doc, event.states, 9, FONT, '#333');
    if (event.reason) say(doc, event.reason, 9);
    if (event.motivation) say(doc, `Motivering: ${event.motivation}`, 9);
    doc.moveDown(0.3);
  }

  heading(doc, 'Ondertekende geheimhoudingsverklaringen (art. 2.21 lid 2 BGS)');
  if (facts.declarations.length === 0) say(doc, 'Geen: er heeft niemand een verklaring getekend.');
  for (const declaration of facts.declarations) {
    room(doc, 80);
    say(doc, declaration.title, 10, BOLD);
    fields(doc, literal(declaration.fields));
  }

  heading(doc, 'Controle van de hashketen van de auditregels');
  say(doc, facts.chain.text, 11, BOLD, facts.chain.intact ? '#060' : '#a00');
  say(
    doc,
    `Gecontroleerd bij het opmaken van dit dossier. Opnieuw te controleren met: npm run casus:verify -- ${facts.casusNumber}`,
    9,
    FONT,
    '#333',
  );
}

/** "Dossier casus … · Opgemaakt … door … · pagina 2 van 5" at the foot of every page. */
function stampPages(doc: PDFKit.PDFDocument, facts: DossierFacts): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin, where text would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor('#555')
      .text(
        printableText(
          `Dossier casus ${facts.casusNumber} · ${facts.stamp} · pagina ${i + 1} van ${range.count}`,
        ),
        MARGIN,
        doc.page.height - MARGIN + 16,
        { width: width(doc), lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
}
