import { z } from 'zod';

/** A closed list of values with their Dutch labels: the keys are the schema, so they cannot drift apart. */
export function vocabulary<const L extends Record<string, string>>(labels: L) {
  const [first, ...rest] = Object.keys(labels) as (keyof L & string)[];
  if (first === undefined) throw new Error('A vocabulary needs at least one value');
  return { schema: z.enum([first, ...rest]), labels };
}

/** The ways a casus reaches the Lokale Kamer (e.g. Rotterdam's entry routes). */
export const aanmeldroutes = vocabulary({
  'wvggz-niet-acuut': 'WvGGZ niet-acuut',
  'veilig-thuis': 'Veilig Thuis',
  'meldpunt-college': 'Meldpunt van het college',
  'werkzaamheden-college': 'Werkzaamheden van het college (incl. Veilig Thuis en Jeugdwet)',
  'lokale-aanpak': 'Lokale aanpak',
  anders: 'Anders',
});
export type Aanmeldroute = z.infer<typeof aanmeldroutes.schema>;

export const urgenties = vocabulary({ normaal: 'Normaal', hoog: 'Hoog', 'zeer-hoog': 'Zeer hoog' });
export type Urgency = z.infer<typeof urgenties.schema>;

export const leefgebieden = vocabulary({
  huisvesting: 'Huisvesting',
  'financien-schulden': 'Financiën/schulden',
  'psychische-gezondheid': 'Psychische gezondheid',
  'lichamelijke-gezondheid': 'Lichamelijke gezondheid',
  verslaving: 'Verslaving',
  'dagbesteding-werk-onderwijs': 'Dagbesteding/werk/onderwijs',
  'sociaal-netwerk': 'Sociaal netwerk',
  'gezin-opvoeding': 'Gezin/opvoeding',
  'justitie-politie': 'Justitie/politie',
  veiligheid: 'Veiligheid',
});
export type Leefgebied = z.infer<typeof leefgebieden.schema>;

/** Criterion 2: one answer per leefgebied, so "criminogeen" can never be ticked without "probleem". */
export const leefgebiedAntwoorden = vocabulary({
  geen: 'Geen probleem',
  probleem: 'Probleem',
  criminogeen: 'Probleem met criminogene factor',
});
export type LeefgebiedAntwoord = z.infer<typeof leefgebiedAntwoorden.schema>;

/** Criterion 3: what the problems lead to. */
export const gevolgen = vocabulary({
  'ernstige-overlast': 'ernstige overlast',
  criminaliteit: 'criminaliteit',
  'onveilige-situatie-personen': 'een onveilige situatie voor personen',
  'onveilige-situatie-gebied': 'een onveilige situatie binnen een gebied',
});
export type Gevolg = z.infer<typeof gevolgen.schema>;

/** Criterion 3: whether the problems lead, have led, or would lead to it. */
export const tijden = vocabulary({
  leidt: 'leidt daartoe',
  'heeft-geleid': 'heeft daartoe geleid',
  'zou-leiden': 'zou daartoe zonder interventie gaan leiden',
});
export type Tijd = z.infer<typeof tijden.schema>;

/** Criterion 3: the kinds of clear and objective indications a "zou gaan leiden" rests on. */
export const aanwijzingSoorten = vocabulary({
  politiemelding: 'Politiemelding/registratie',
  aangifte: 'Aangifte',
  'melding-overlast': 'Melding overlast',
  'rapportage-hulpverlener': 'Rapportage van een hulpverlener',
  'bestuurlijke-maatregel': 'Bestuurlijke maatregel',
  anders: 'Anders',
});
export type AanwijzingSoort = z.infer<typeof aanwijzingSoorten.schema>;

/** Criterion 4: the four domains of the ZVH participants, as the cards name them. */
export const domeinLabels = {
  justitieel: 'Justitieel',
  bestuurlijk: 'Bestuurlijk',
  zorg: 'Zorg',
  sociaal: 'Sociaal',
} as const;
