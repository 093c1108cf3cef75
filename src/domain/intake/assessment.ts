import { z } from 'zod';
import { MIN_EXPLANATION, type Intake } from './intake.schema';
import { gevolgen, leefgebieden, tijden } from './vocabulary';

const criterionNumberSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type CriterionNumber = z.infer<typeof criterionNumberSchema>;

const criterionResultSchema = z.object({
  criterion: criterionNumberSchema,
  /** Short Dutch name of the criterion, as on the cards. */
  title: z.string(),
  met: z.boolean(),
  /** Why it is (not) met, in Dutch, citing BGS art. 2.20. */
  explanation: z.string(),
});
export type CriterionResult = z.infer<typeof criterionResultSchema>;

/** Stored with a submitted casus, so the decision to admit it can be accounted for later. */
export const assessmentSchema = z.object({
  criteria: z.tuple([
    criterionResultSchema,
    criterionResultSchema,
    criterionResultSchema,
    criterionResultSchema,
  ]),
  verdict: z.enum(['voldoet', 'voldoet-niet']),
  failing: z.array(criterionNumberSchema),
});
export type Assessment = z.infer<typeof assessmentSchema>;

const cite = (n: CriterionNumber) => `art. 2.20 BGS, criterium ${n}`;
/** Small counts read better as words: "op twee leefgebieden". */
const numberWords = [
  'nul',
  'een',
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'zeven',
  'acht',
  'negen',
  'tien',
];
const inWords = (n: number) => numberWords[n] ?? String(n);
const hasText = (text: string | undefined) => (text?.trim().length ?? 0) >= MIN_EXPLANATION;
const list = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} en ${items.at(-1)}` : (items[0] ?? '');

/** The leefgebieden with a criminogene factor. */
export function criminogeneLeefgebieden(c: Intake['criterium2']) {
  return [
    ...new Set(c.leefgebieden.filter((l) => l.status === 'criminogeen').map((l) => l.leefgebied)),
  ];
}

export function criterion1(c: Intake['criterium1']): CriterionResult {
  const base = { criterion: 1 as const, title: 'Problemen bij betrokkene of in de gezinssituatie' };
  // The family situation counts only when its relevance for betrokkene is motivated.
  const gezinCounts = c.inGezinssituatie && hasText(c.gezinsRelevantie);
  if (c.bijBetrokkene || gezinCounts) {
    const where = [
      c.bijBetrokkene ? 'bij betrokkene' : '',
      gezinCounts ? 'in de gezinssituatie, relevant voor betrokkene' : '',
    ];
    const note =
      c.inGezinssituatie && !gezinCounts
        ? '; de gezinssituatie telt niet mee omdat de relevantie voor betrokkene niet is gemotiveerd'
        : '';
    return {
      ...base,
      met: true,
      explanation: `Er zijn problemen ${list(where.filter(Boolean))} (${cite(1)})${note}.`,
    };
  }
  if (c.inGezinssituatie) {
    return {
      ...base,
      met: false,
      explanation: `De gezinssituatie is genoemd, maar niet is gemotiveerd waarom de problemen daar relevant zijn voor betrokkene (${cite(1)}; minstens ${MIN_EXPLANATION} tekens).`,
    };
  }
  return {
    ...base,
    met: false,
    explanation: `Er zijn geen problemen bij betrokkene of in de gezinssituatie aangegeven (${cite(1)}).`,
  };
}

export function criterion2(c: Intake['criterium2']): CriterionResult {
  const base = { criterion: 2 as const, title: 'Meerdere leefgebieden met criminogene factoren' };
  const criminogeen = criminogeneLeefgebieden(c).map((l) => leefgebieden.labels[l].toLowerCase());
  if (criminogeen.length >= 2) {
    return {
      ...base,
      met: true,
      explanation: `Criminogene factoren op ${inWords(criminogeen.length)} leefgebieden: ${list(criminogeen)} (${cite(2)}).`,
    };
  }
  const found = criminogeen.length === 0 ? 'geen enkel leefgebied' : `alleen ${criminogeen[0]}`;
  return {
    ...base,
    met: false,
    explanation: `Er moeten op minstens twee leefgebieden criminogene factoren zijn; aangegeven is ${found}. Leefgebieden zonder criminogene factor tellen niet mee (${cite(2)}).`,
  };
}

export function criterion3(c: Intake['criterium3']): CriterionResult {
  const base = {
    criterion: 3 as const,
    title: 'Ernstige overlast, criminaliteit of onveilige situaties',
  };
  if (c.gevolgen.length === 0) {
    return {
      ...base,
      met: false,
      explanation: `Er is niet aangegeven tot welke ernstige overlast, criminaliteit of onveilige situatie de problemen leiden (${cite(3)}).`,
    };
  }
  if (c.tijden.length === 0) {
    return {
      ...base,
      met: false,
      explanation: `Er is niet aangegeven of de problemen daartoe leiden, hebben geleid of zouden gaan leiden (${cite(3)}).`,
    };
  }
  const actual = c.tijden.some((t) => t !== 'zou-leiden');
  if (!actual && c.aanwijzingen.length === 0) {
    return {
      ...base,
      met: false,
      explanation: `Alleen "zou gaan leiden" is aangegeven. Dat telt alleen met duidelijke en objectieve aanwijzingen, en er is er geen vastgelegd. Voeg in stap 3 minstens één aanwijzing toe (zoals een politiemelding, aangifte of rapportage van een hulpverlener) met datum, bron en omschrijving (${cite(3)}).`,
    };
  }
  const what = list(c.gevolgen.map((g) => gevolgen.labels[g]));
  const when = list(c.tijden.map((t) => tijden.labels[t]));
  const count = c.aanwijzingen.length;
  const basis =
    count === 0
      ? ''
      : `; onderbouwd met ${inWords(count)} objectieve ${count === 1 ? 'aanwijzing' : 'aanwijzingen'}`;
  return {
    ...base,
    met: true,
    explanation: `De problemen gaan over ${what}; dit ${when}${basis} (${cite(3)}).`,
  };
}

export function criterion4(c: Intake['criterium4']): CriterionResult {
  const base = { criterion: 4 as const, title: 'Samenwerking uit meerdere domeinen nodig' };
  // The domains are those of the named partners, so the two cannot disagree.
  const domeinen = [...new Set(c.deelnemers.map((d) => d.domain))];
  if (domeinen.length >= 2) {
    return {
      ...base,
      met: true,
      explanation: `Samenwerking tussen de domeinen ${list(domeinen)} is nodig voor een effectief plan van aanpak (${cite(4)}).`,
    };
  }
  return {
    ...base,
    met: false,
    explanation: `Voor een casus in het Zorg- en Veiligheidshuis moet samenwerking uit minstens twee domeinen (justitieel, bestuurlijk, zorg, sociaal) nodig zijn; de gekozen deelnemers komen uit ${domeinen.length === 0 ? 'geen enkel domein' : `alleen het domein ${domeinen[0]}`}. Partijen die geen vaste deelnemer zijn tellen hier niet mee (${cite(4)}).`,
  };
}

/**
 * BGS art. 2.20: a casus may be handled only if all four cumulative criteria hold. Each result
 * explains itself, so a worker whose casus does not qualify learns exactly why.
 */
export function assessIntake(intake: Intake): Assessment {
  const criteria: Assessment['criteria'] = [
    criterion1(intake.criterium1),
    criterion2(intake.criterium2),
    criterion3(intake.criterium3),
    criterion4(intake.criterium4),
  ];
  const failing = criteria.filter((c) => !c.met).map((c) => c.criterion);
  return { criteria, verdict: failing.length === 0 ? 'voldoet' : 'voldoet-niet', failing };
}

/** The verdicts of the criteria a part of the intake answers: what a step tells when it is left. */
export function partialVerdicts(part: Partial<Intake>): CriterionResult[] {
  return [
    part.criterium1 && criterion1(part.criterium1),
    part.criterium2 && criterion2(part.criterium2),
    part.criterium3 && criterion3(part.criterium3),
    part.criterium4 && criterion4(part.criterium4),
  ].filter((result) => result !== undefined);
}
