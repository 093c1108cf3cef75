import { leefgebiedFields } from '../../src/domain/intake/form-fields';
import type { Aanwijzing, Intake } from '../../src/domain/intake/intake.schema';
import {
  aanwijzingSoorten,
  domeinLabels,
  gevolgen,
  leefgebiedAntwoorden,
  leefgebieden,
  tijden,
} from '../../src/domain/intake/vocabulary';
import type { EvidenceView } from '../cards/evidence-view';
import { formatDate } from './casus-status';

const yesNo = (value: boolean) => (value ? 'Ja' : 'Nee');
const sentence = (items: readonly string[]) =>
  items.length === 0 ? 'niet aangegeven' : items.join(', ');

function when(a: Aanwijzing): string {
  return a.totDatum && a.totDatum !== a.datum
    ? `${formatDate(a.datum)} tot en met ${formatDate(a.totDatum)}`
    : formatDate(a.datum);
}

function indications(c: Intake['criterium3']) {
  if (c.aanwijzingen.length === 0)
    return [{ label: 'Objectieve aanwijzingen', text: 'geen vastgelegd' }];
  return c.aanwijzingen.map((a, index) => ({
    label: `Aanwijzing ${index + 1}`,
    text: `${aanwijzingSoorten.labels[a.soort]}, ${when(a)}, bron: ${a.bron}. ${a.omschrijving}`,
  }));
}

/**
 * Criterium 3's indications in one line, for the notification that asks a decider to decide on
 * an aanmelding: kind, when and source of each ("Aangifte, 3 november 2026, bron: Politie …").
 */
export function indicationsLine(intake: Intake): string | undefined {
  const listed = intake.criterium3.aanwijzingen.map(
    (a) => `${aanwijzingSoorten.labels[a.soort]}, ${when(a)}, bron: ${a.bron}`,
  );
  return listed.length > 0 ? `Objectieve aanwijzingen: ${listed.join('; ')}.` : undefined;
}

function partners(c: Intake['criterium4']) {
  const byDomain = (Object.keys(domeinLabels) as (keyof typeof domeinLabels)[]).flatMap(
    (domain) => {
      const names = c.deelnemers.filter((d) => d.domain === domain).map((d) => d.name);
      return names.length > 0 ? [{ label: domeinLabels[domain], text: names.join(', ') }] : [];
    },
  );
  return [
    ...(byDomain.length > 0 ? byDomain : [{ label: 'Vaste deelnemers', text: 'geen gekozen' }]),
    ...(c.overigePartijen
      ? [{ label: 'Andere partijen (uit te nodigen, art. 2.21 BGS)', text: c.overigePartijen }]
      : []),
  ];
}

/**
 * Everything the intake records beyond what the casus card's header and toetsing already show:
 * the family relevance, the leefgebieden, the objective indications, the named partners and the
 * doorbraak. The summary and the casus card use this one presenter, so what the worker submits is
 * what the deciders read. test/unit/evidence-visibility.test.ts holds it to every intake field.
 */
export function casusEvidence(intake: Intake): EvidenceView {
  const { betrokkene, criterium1: c1, criterium2: c2, criterium3: c3, criterium4: c4 } = intake;
  const answered = new Map(c2.leefgebieden.map((l) => [l.leefgebied, l.status]));
  const unanswered = leefgebieden.schema.options.filter((l) => !answered.has(l));
  return {
    sections: [
      {
        title: 'Betrokkene',
        lines: [{ label: 'BSN', text: betrokkene.bsn ?? 'niet opgegeven' }],
      },
      {
        title: 'Criterium 1 · problemen bij betrokkene of in het gezin',
        lines: [
          { label: 'Bij betrokkene', text: yesNo(c1.bijBetrokkene) },
          { label: 'In de gezinssituatie', text: yesNo(c1.inGezinssituatie) },
          ...(c1.gezinsRelevantie
            ? [{ label: 'Relevantie voor betrokkene', text: c1.gezinsRelevantie }]
            : []),
        ],
      },
      {
        title: 'Criterium 2 · leefgebieden',
        lines: [
          ...c2.leefgebieden.map((l) => ({
            label: leefgebieden.labels[l.leefgebied],
            text: leefgebiedAntwoorden.labels[l.status],
          })),
          ...(unanswered.length > 0 && unanswered.length < leefgebiedFields.length
            ? [
                {
                  label: 'Geen probleem',
                  text: unanswered.map((l) => leefgebieden.labels[l].toLowerCase()).join(', '),
                },
              ]
            : []),
          ...(c2.leefgebieden.length === 0
            ? [{ label: 'Leefgebieden', text: 'op geen enkel leefgebied een probleem' }]
            : []),
        ],
      },
      {
        title: 'Criterium 3 · overlast, criminaliteit of onveiligheid',
        lines: [
          { label: 'Gevolg', text: sentence(c3.gevolgen.map((g) => gevolgen.labels[g])) },
          { label: 'Wanneer', text: sentence(c3.tijden.map((t) => tijden.labels[t])) },
          ...indications(c3),
        ],
      },
      { title: 'Criterium 4 · samenwerkingspartners', lines: partners(c4) },
      {
        title: 'Doorbraak',
        lines: [
          { label: 'Doorbraak nodig', text: yesNo(intake.doorbraak.nodig) },
          ...(intake.doorbraak.toelichting
            ? [{ label: 'Toelichting', text: intake.doorbraak.toelichting }]
            : []),
        ],
      },
    ],
  };
}

/** The same evidence with every text passed through `cut`: for a card that would be too large. */
export function shortenEvidence(view: EvidenceView, cut: (text: string) => string): EvidenceView {
  return {
    sections: view.sections.map((section) => ({
      ...section,
      lines: section.lines.map((line) => ({ ...line, text: cut(line.text) })),
    })),
  };
}
