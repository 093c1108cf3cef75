import type { CasusState } from '../../src/domain/casus/casus.schema';

export const casusStateLabels: Record<CasusState, string> = {
  concept: 'Concept',
  aangemeld: 'Aangemeld',
  aanvulling_gevraagd: 'Aanvulling gevraagd',
  afgewezen: 'Afgewezen',
  in_behandeling_lokaal: 'In behandeling bij de Lokale Kamer',
  opschaling_aangevraagd: 'Opschaling aangevraagd',
  in_behandeling_zvh: 'In behandeling bij het Zorg- en Veiligheidshuis',
  afgesloten: 'Afgesloten',
};

/** The state on the casus card, next to the table that holds it ("In behandeling · Lokale Kamer Rotterdam"). */
export const casusStateShortLabels: Record<CasusState, string> = {
  ...casusStateLabels,
  in_behandeling_lokaal: 'In behandeling',
  in_behandeling_zvh: 'In behandeling',
};

/** "de Lokale Kamer Rotterdam", "het Zorg- en Veiligheidshuis Rotterdam-Rijnmond". */
export function withArticle(kamer: { type: 'lokale-kamer' | 'zvh'; name: string }): string {
  return `${kamer.type === 'zvh' ? 'het' : 'de'} ${kamer.name}`;
}

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});
const date = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });

/** "23 november 2026 om 10:15", in Dutch time. */
export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));
export const formatDate = (iso: string): string => date.format(new Date(iso));
