import { betrokkeneRightsLabels } from '../../src/domain/betrokkene/rights-audit';
import type { AuditEntry, CasusState } from '../../src/domain/casus/casus.schema';
import type { DeadlineNotice } from '../../src/domain/deadlines/deadline-notices';

// Card schemas accept exactly these labels (see bot/cards/restricted-text.ts), so a template may
// put them into markdown text.

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

/** How each event reads on the timeline. Typed over every action, so a new one must be named here. */
export const eventLabels: Record<AuditEntry['action'], string> = {
  'intake-gestart': 'Intake gestart',
  indienen: 'Aangemeld',
  accepteren: 'Geaccepteerd door de Lokale Kamer',
  afwijzen: 'Afgewezen',
  'informatie-vragen': 'Informatie gevraagd',
  aanvullen: 'Aanvulling gegeven',
  opschalen: 'Opschaling naar het Zorg- en Veiligheidshuis aangevraagd',
  'opschaling-accepteren': 'Opschaling geaccepteerd door het Zorg- en Veiligheidshuis',
  'opschaling-weigeren': 'Opschaling geweigerd; terug naar de Lokale Kamer',
  afschalen: 'Afgeschaald naar de Lokale Kamer',
  afsluiten: 'Afgesloten',
  'uitnodiging-voorgesteld': 'Partij voorgesteld als incidentele deelnemer',
  'uitnodiging-goedgekeurd': 'Uitnodiging goedgekeurd',
  'uitnodiging-afgewezen': 'Uitnodiging afgewezen',
  'uitnodiging-beeindigd': 'Deelname beëindigd',
  'verklaring-ondertekend': 'Geheimhoudingsverklaring ondertekend',
  'informatie-gedeeld': 'Informatie gedeeld met een incidentele deelnemer',
  ...betrokkeneRightsLabels,
  'bewaartermijn-verlengd': 'Bewaartermijn verlengd',
  'bewaarplicht-ingesteld': 'Bewaarplicht ingesteld: de bewaartermijn staat stil',
  'bewaarplicht-opgeheven': 'Bewaarplicht opgeheven: de bewaartermijn loopt weer',
  geanonimiseerd: 'Persoonsgegevens verwijderd; alleen het verloop is bewaard',
};

/** How a deadline notice reads, in a personal chat and in a channel. */
export const deadlineNoticeLabels: Record<DeadlineNotice, string> = {
  'termijn-herinnering': 'Herinnering: vandaag is de laatste werkdag van de termijn',
  'termijn-verlopen': 'Termijn verstreken',
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

/** The last day of a termijn ("9 december 2026"): its due time is the start of the day after. */
export const lastDayOf = (dueAt: string): string =>
  formatDate(new Date(Date.parse(dueAt) - 1).toISOString());
