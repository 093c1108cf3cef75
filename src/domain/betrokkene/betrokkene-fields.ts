import { z } from 'zod';

/** What kind of personal data a field holds, as the inzage groups and explains it. */
export const fieldCategories = {
  identificatie: 'Identificerende gegevens',
  zoeksleutel: 'Versleutelde zoeksleutel (geen leesbare gegevens)',
  aanmelding: 'Aanmelding',
  leefgebieden: 'Problemen op leefgebieden (kan gezondheid betreffen: bijzondere persoonsgegevens)',
  signalen:
    'Signalen van overlast, criminaliteit of onveiligheid (kan strafrechtelijke gegevens betreffen)',
  samenwerking: 'Samenwerking rond de casus',
  besluitvorming: 'Beoordeling en besluiten',
  gedeeld: 'Gedeeld met incidentele deelnemers',
} as const;
export const fieldCategorySchema = z.enum(
  Object.keys(fieldCategories) as [keyof typeof fieldCategories],
);
export type FieldCategory = z.infer<typeof fieldCategorySchema>;

/** Where in the casus a field lives, as the inzage groups it. */
export type FieldSource = 'aanmelding' | 'formulier' | 'casus';

/**
 * One field stored about a betrokkene: its path in the casus document (`[]` an array element,
 * `*` any part of a key), its Dutch label, why it is kept (WGS art. 2.25: only what is necessary)
 * and its category.
 */
export interface BetrokkeneField {
  path: string;
  label: string;
  doel: string;
  categorie: FieldCategory;
  bron: FieldSource;
}

type Entry = Omit<BetrokkeneField, 'path' | 'bron'>;
const entry = (label: string, categorie: FieldCategory, doel: string): Entry => ({
  label,
  categorie,
  doel,
});

const TOETS = 'Toetsen of de casus voldoet aan de criteria van art. 2.20 BGS.';

/** The checked intake as submitted, by its path under `submission.intake`. */
const submitted = {
  'betrokkene.naam': entry(
    'Naam',
    'identificatie',
    'Weten over wie de casus gaat; de casus terugvinden.',
  ),
  'betrokkene.geboortedatum': entry(
    'Geboortedatum',
    'identificatie',
    'Betrokkene onderscheiden van naamgenoten; de casus terugvinden.',
  ),
  'betrokkene.gemeente': entry(
    'Gemeente',
    'identificatie',
    'De Lokale Kamer en de deelnemers van die gemeente bepalen.',
  ),
  'betrokkene.bsn': entry(
    'Burgerservicenummer (BSN)',
    'identificatie',
    'Betrokkene eenduidig identificeren bij de deelnemers (optioneel).',
  ),
  'aanmelding.aanmeldroute': entry(
    'Aanmeldroute',
    'aanmelding',
    'Verantwoorden langs welke route de casus binnenkwam.',
  ),
  'aanmelding.kamerId': entry(
    'Lokale Kamer',
    'aanmelding',
    'Bepalen welke kamer de casus behandelt.',
  ),
  'aanmelding.urgentie': entry('Urgentie', 'aanmelding', 'De casuslijst prioriteren.'),
  'criterium1.bijBetrokkene': entry('Problemen bij betrokkene', 'leefgebieden', TOETS),
  'criterium1.inGezinssituatie': entry('Problemen in de gezinssituatie', 'leefgebieden', TOETS),
  'criterium1.gezinsRelevantie': entry(
    'Waarom de gezinssituatie relevant is',
    'leefgebieden',
    TOETS,
  ),
  'criterium1.motivering': entry('Motivering criterium 1', 'leefgebieden', TOETS),
  'criterium2.leefgebieden[].leefgebied': entry(
    'Leefgebied met een probleem',
    'leefgebieden',
    TOETS,
  ),
  'criterium2.leefgebieden[].status': entry(
    'Probleem of criminogene factor',
    'leefgebieden',
    TOETS,
  ),
  'criterium2.motivering': entry('Motivering criterium 2', 'leefgebieden', TOETS),
  'criterium3.gevolgen[]': entry('Gevolgen', 'signalen', TOETS),
  'criterium3.tijden[]': entry('Leidt, heeft geleid of zou leiden', 'signalen', TOETS),
  'criterium3.aanwijzingen[].soort': entry('Soort aanwijzing', 'signalen', TOETS),
  'criterium3.aanwijzingen[].datum': entry('Datum van de aanwijzing', 'signalen', TOETS),
  'criterium3.aanwijzingen[].totDatum': entry('Einddatum van de aanwijzing', 'signalen', TOETS),
  'criterium3.aanwijzingen[].bron': entry(
    'Bron van de aanwijzing',
    'signalen',
    'Controleerbaar maken waar de aanwijzing vandaan komt.',
  ),
  'criterium3.aanwijzingen[].omschrijving': entry(
    'Omschrijving van de aanwijzing',
    'signalen',
    TOETS,
  ),
  'criterium3.motivering': entry('Motivering criterium 3', 'signalen', TOETS),
  'criterium4.deelnemers[].name': entry(
    'Betrokken vaste deelnemers',
    'samenwerking',
    'Vastleggen welke deelnemers samen het plan van aanpak maken (criterium 4).',
  ),
  'criterium4.overigePartijen': entry(
    'Overige partijen',
    'samenwerking',
    'Partijen noemen die later als incidentele deelnemer kunnen meedoen.',
  ),
  'criterium4.motivering': entry('Motivering criterium 4', 'samenwerking', TOETS),
  'doorbraak.nodig': entry(
    'Doorbraak nodig',
    'aanmelding',
    'Bepalen of opschaling naar het Zorg- en Veiligheidshuis nodig is.',
  ),
  'doorbraak.toelichting': entry(
    'Toelichting doorbraak',
    'aanmelding',
    'Bepalen of opschaling naar het Zorg- en Veiligheidshuis nodig is.',
  ),
} satisfies Record<string, Entry>;
type SubmittedPath = keyof typeof submitted;

/**
 * The wizard's answers as typed (`intake.values`), kept after submit for requests for
 * information: each holds the same data as the submitted field it feeds.
 */
const typed: Record<string, SubmittedPath> = {
  naam: 'betrokkene.naam',
  geboortedatum: 'betrokkene.geboortedatum',
  gemeente: 'betrokkene.gemeente',
  bsn: 'betrokkene.bsn',
  aanmeldroute: 'aanmelding.aanmeldroute',
  kamerId: 'aanmelding.kamerId',
  urgentie: 'aanmelding.urgentie',
  bijBetrokkene: 'criterium1.bijBetrokkene',
  inGezinssituatie: 'criterium1.inGezinssituatie',
  gezinsRelevantie: 'criterium1.gezinsRelevantie',
  motivering1: 'criterium1.motivering',
  'leefgebied-*': 'criterium2.leefgebieden[].status',
  motivering2: 'criterium2.motivering',
  gevolgen: 'criterium3.gevolgen[]',
  tijden: 'criterium3.tijden[]',
  'aanwijzing*-soort': 'criterium3.aanwijzingen[].soort',
  'aanwijzing*-datum': 'criterium3.aanwijzingen[].datum',
  'aanwijzing*-tot': 'criterium3.aanwijzingen[].totDatum',
  'aanwijzing*-bron': 'criterium3.aanwijzingen[].bron',
  'aanwijzing*-omschrijving': 'criterium3.aanwijzingen[].omschrijving',
  motivering3: 'criterium3.motivering',
  'deelnemers-*': 'criterium4.deelnemers[].name',
  overigePartijen: 'criterium4.overigePartijen',
  motivering4: 'criterium4.motivering',
  doorbraakNodig: 'doorbraak.nodig',
  doorbraakToelichting: 'doorbraak.toelichting',
};

/** Personal data elsewhere in the casus: search keys, the assessment, decisions, what was shared. */
const elsewhere: Record<string, Entry> = {
  betrokkeneKey: entry(
    'Zoeksleutel naam en geboortedatum',
    'zoeksleutel',
    'De casussen van betrokkene vinden zonder naam en geboortedatum leesbaar in een index.',
  ),
  bsnKey: entry(
    'Zoeksleutel BSN',
    'zoeksleutel',
    'De casussen van betrokkene vinden op BSN zonder het BSN leesbaar in een index.',
  ),
  'submission.assessment.verdict': entry('Uitkomst van de toets', 'besluitvorming', TOETS),
  'submission.assessment.criteria[].met': entry('Criterium vervuld', 'besluitvorming', TOETS),
  'submission.assessment.criteria[].explanation': entry(
    'Uitleg per criterium',
    'besluitvorming',
    TOETS,
  ),
  'submission.assessment.failing[]': entry('Niet vervulde criteria', 'besluitvorming', TOETS),
  'audit[].motivation': entry(
    'Motivering van een besluit of wijziging',
    'besluitvorming',
    'Besluiten over de casus verantwoorden (helder verantwoorden).',
  ),
  'audit[].closeReason': entry(
    'Reden van afsluiten',
    'besluitvorming',
    'Verantwoorden waarom de casus is afgesloten.',
  ),
  'invitations[].proposal.expertise.omschrijving': entry(
    'Deskundigheid die de casus nodig heeft',
    'samenwerking',
    'Toetsen of een incidentele deelnemer mag worden uitgenodigd (art. 2.21 BGS).',
  ),
  'invitations[].proposal.expertise.motivering': entry(
    'Waarom de casus die deskundigheid nodig heeft',
    'samenwerking',
    'Toetsen of een incidentele deelnemer mag worden uitgenodigd (art. 2.21 BGS).',
  ),
  'invitations[].proposal.rol.motivering': entry(
    'Rol in het plan van aanpak',
    'samenwerking',
    'Toetsen of een incidentele deelnemer mag worden uitgenodigd (art. 2.21 BGS).',
  ),
  'invitations[].history[].motivation': entry(
    'Motivering van een besluit over een uitnodiging',
    'besluitvorming',
    'Besluiten over incidentele deelnemers verantwoorden.',
  ),
  'invitations[].shares[].text': entry(
    'Gedeelde informatie',
    'gedeeld',
    'Verantwoorden wat een incidentele deelnemer heeft ontvangen.',
  ),
  'invitations[].shares[].purpose': entry(
    'Doel van het delen',
    'gedeeld',
    'Verantwoorden waarvoor de informatie is gedeeld.',
  ),
};

/** Every field stored about a betrokkene, with its purpose; the data-minimisation test holds it to the schemas. */
export const betrokkeneFields: readonly BetrokkeneField[] = [
  ...Object.entries(submitted).map(([path, e]) => ({
    ...e,
    path: `submission.intake.${path}`,
    bron: 'aanmelding' as const,
  })),
  ...Object.entries(typed).map(([field, fed]) => ({
    ...submitted[fed],
    label: `${submitted[fed].label} (zoals getypt)`,
    path: `intake.values.${field}`,
    bron: 'formulier' as const,
  })),
  ...Object.entries(elsewhere).map(([path, e]) => ({ ...e, path, bron: 'casus' as const })),
];
