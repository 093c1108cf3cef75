import type { z } from 'zod';
import { vocabulary } from '../intake/vocabulary';

/** The public task an invited organisation holds (BGS art. 2.21 lid 1: a role "op grond van zijn wettelijke of publieke taak"). */
export const publiekeTaakCategorieen = vocabulary({
  zorg: 'Zorg',
  'sociaal-domein': 'Sociaal domein',
  welzijn: 'Welzijn',
  onderwijs: 'Onderwijs',
  veiligheidsdomein: 'Veiligheidsdomein',
  woningcorporatie: 'Woningcorporatie',
  'expert-publieke-taak': 'Expert met publieke taak',
  anders: 'Anders',
});
export type PubliekeTaakCategorie = z.infer<typeof publiekeTaakCategorieen.schema>;

/** The parts of the plan van aanpak an incidentele deelnemer can have a role in (BGS art. 2.21 lid 1). */
export const planFasen = vocabulary({
  opstellen: 'Opstellen van het plan van aanpak',
  uitvoeren: 'Uitvoeren van het plan van aanpak',
  evalueren: 'Evalueren van het plan van aanpak',
});
export type PlanFase = z.infer<typeof planFasen.schema>;

/**
 * A professional secrecy the invitee is bound by. It decides the geheimhoudingsverklaring: bound
 * invitees declare that their own secrecy applies to WGS data, others that WGS art. 1.11 does.
 */
export const beroepsgeheimen = vocabulary({
  geen: 'Geen bijzondere geheimhoudingsplicht',
  'jeugdwet-7-3-11': 'Geheimhoudingsplicht van artikel 7.3.11 Jeugdwet',
  medisch: 'Medisch beroepsgeheim',
  advocaat: 'Beroepsgeheim van de advocaat',
  anders: 'Anders',
});
export type Beroepsgeheim = z.infer<typeof beroepsgeheimen.schema>;
