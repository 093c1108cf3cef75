import { z } from 'zod';

/** A closed list of values with their Dutch labels: the keys are the schema, so they cannot drift apart. */
function vocabulary<const L extends Record<string, string>>(labels: L) {
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
