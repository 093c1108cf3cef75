import {
  aanwijzingField,
  aanwijzingSlots,
  deelnemersField,
  domains,
  leefgebiedField,
} from '../../src/domain/intake/form-fields';
import type { FormField } from '../../src/domain/intake/intake-form';
import { domeinLabels, leefgebieden } from '../../src/domain/intake/vocabulary';

const partLabels = {
  soort: 'soort',
  datum: 'datum',
  tot: 'tot en met',
  bron: 'bron',
  omschrijving: 'omschrijving',
} as const;

/** The labels of the card inputs, to name them in an error summary. */
export const fieldLabels = {
  naam: 'Naam van betrokkene',
  geboortedatum: 'Geboortedatum',
  gemeente: 'Gemeente',
  bsn: 'BSN',
  aanmeldroute: 'Aanmeldroute',
  kamerId: 'Lokale Kamer',
  urgentie: 'Urgentie',
  bijBetrokkene: 'Problemen bij betrokkene',
  inGezinssituatie: 'Problemen in de gezinssituatie',
  gezinsRelevantie: 'Relevantie van de gezinssituatie',
  motivering1: 'Motivering criterium 1',
  ...Object.fromEntries(
    leefgebieden.schema.options.map((l) => [leefgebiedField(l), leefgebieden.labels[l]]),
  ),
  motivering2: 'Motivering criterium 2',
  gevolgen: 'Waartoe leiden de problemen?',
  tijden: 'Wanneer?',
  aanwijzingenAantal: 'Aantal aanwijzingen',
  ...Object.fromEntries(
    aanwijzingSlots.flatMap((slot) =>
      (Object.keys(partLabels) as (keyof typeof partLabels)[]).map((part) => [
        aanwijzingField(slot, part),
        `Aanwijzing ${slot}, ${partLabels[part]}`,
      ]),
    ),
  ),
  motivering3: 'Motivering criterium 3',
  ...Object.fromEntries(
    domains.map((d) => [deelnemersField(d), `Deelnemers, domein ${domeinLabels[d].toLowerCase()}`]),
  ),
  overigePartijen: 'Andere partijen',
  motivering4: 'Motivering criterium 4',
  doorbraakNodig: 'Doorbraak nodig',
  doorbraakToelichting: 'Toelichting doorbraak',
} as Record<FormField, string>;
