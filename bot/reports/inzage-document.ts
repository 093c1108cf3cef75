import type { InzageSource } from '../../src/app/betrokkene/gather-inzage';
import type { Actor } from '../../src/app/identify-actor';
import {
  betrokkeneFields,
  fieldCategories,
  type FieldSource,
} from '../../src/domain/betrokkene/betrokkene-fields';
import { itemListOf, itemsAt, valuesAt, type Leaf } from '../../src/domain/betrokkene/field-paths';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { closeReasonLabels } from '../../src/domain/casus/close-reason';
import {
  aanmeldroutes,
  aanwijzingSoorten,
  gevolgen,
  leefgebiedAntwoorden,
  leefgebieden,
  tijden,
  urgenties,
} from '../../src/domain/intake/vocabulary';
import { invitationStateLabels } from '../../src/domain/invitation/invitation-machine';
import type { Kamer, Organisation } from '../../src/domain/registry/registry.schema';
import { accessLines } from '../presenters/access-lines';
import { casusStateLabels, formatDate, formatDateTime } from '../presenters/casus-status';

/** The inzage as the betrokkene receives it: the PDF is drawn from it, the JSON is it. */
export interface InzageDocument {
  titel: string;
  gemaaktOp: string;
  gemaaktDoor: string;
  toelichting: string;
  casussen: InzageCasus[];
}

export interface InzageCasus {
  casusnummer: string;
  kamer: string;
  status: string;
  aangemeldOp: string;
  laatsteWijziging: string;
  gegevens: {
    bron: FieldSource;
    titel: string;
    velden: { veld: string; categorie: string; doel: string; waarden: string[] }[];
  }[];
  doelen: string[];
  ontvangers: {
    deelnemers: {
      naam: string;
      organisatie: string;
      rollen: string;
      wat: string[];
      eerste: string;
      laatste: string;
    }[];
    /** The access log held more lines than were read: the list may be incomplete. */
    volledig: boolean;
    incidenteleDeelnemers: {
      organisatie: string;
      contactpersoon: string;
      status: string;
      gedeeld: { op: string; doel: string }[];
    }[];
  };
  bewaartermijn: string;
}

const sourceLabels: Record<FieldSource, string> = {
  aanmelding: 'Aanmelding zoals ingediend',
  formulier: 'Antwoorden zoals getypt in het aanmeldformulier (bewaard voor vragen om informatie)',
  casus: 'Overige gegevens in de casus',
};

const PURPOSE =
  'De deelnemers van het Zorg- en Veiligheidshuis verwerken deze gegevens om hun aanpak van de casus af te stemmen, om criminaliteit, ernstige overlast en onveilige situaties te voorkomen of te verminderen (art. 2.25 WGS).';

/** The bot's own words for a stored code ("veilig-thuis" is "Veilig Thuis"). */
const vocabularyLabels: Record<string, string> = Object.fromEntries(
  [
    aanmeldroutes,
    urgenties,
    leefgebieden,
    leefgebiedAntwoorden,
    gevolgen,
    tijden,
    aanwijzingSoorten,
    { labels: closeReasonLabels },
  ].flatMap((v): [string, string][] => Object.entries(v.labels)),
);

function shown(value: Leaf, key: string | undefined, kamers: readonly Kamer[]): string {
  // A card sends every answer as text: a typed "true" is the same yes as a checked one.
  const yes = value === true || value === 'true';
  const no = value === false || value === 'false';
  const text =
    yes || no
      ? yes
        ? 'ja'
        : 'nee'
      : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? formatDate(value)
        : (kamers.find((k) => k.id === value)?.name ??
          vocabularyLabels[String(value)] ??
          String(value));
  const keyPart = key
    ?.replace(/^(leefgebied|deelnemers)-/, '')
    .replace(/^aanwijzing(\d)-.*$/, 'aanwijzing $1');
  return keyPart ? `${vocabularyLabels[keyPart] ?? keyPart}: ${text}` : text;
}

type Field = (typeof betrokkeneFields)[number];
type Shown = InzageCasus['gegevens'][number]['velden'][number];

/** One catalogued field as the inzage lists it, or nothing when the casus holds none of it. */
function fieldShown(casus: Casus, field: Field, kamers: readonly Kamer[]): Shown[] {
  const values = valuesAt(casus, field.path).filter(({ value }) => value !== '');
  if (values.length === 0) return [];
  const waarden =
    field.categorie === 'zoeksleutel'
      ? ['versleutelde zoeksleutel (niet terug te rekenen naar de gegevens)']
      : values.map(({ key, value }) => shown(value, key, kamers));
  return [
    { veld: field.label, categorie: fieldCategories[field.categorie], doel: field.doel, waarden },
  ];
}

/**
 * The fields of one list's items (each leefgebied with its answer, each aanwijzing with its date
 * and source) as one entry with a line per item, so that what belongs together stays together.
 */
function itemsShown(
  casus: Casus,
  list: string,
  fields: Field[],
  kamers: readonly Kamer[],
): Shown[] {
  const names = fields.map((field) => field.path.slice(list.length + 3));
  const waarden = itemsAt(casus, list).flatMap((item) => {
    const parts = names.flatMap((name) => {
      const value = item[name];
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value === ''
          ? []
          : [shown(value, undefined, kamers)]
        : [];
    });
    return parts.length > 0 ? [parts.join(' — ')] : [];
  });
  const [first] = fields;
  if (waarden.length === 0 || !first) return [];
  return [
    {
      veld: fields.map((field) => field.label).join(' — '),
      categorie: fieldCategories[first.categorie],
      doel: first.doel,
      waarden,
    },
  ];
}

function fieldsOf(casus: Casus, kamers: readonly Kamer[]): InzageCasus['gegevens'] {
  return (['aanmelding', 'formulier', 'casus'] as const)
    .map((bron) => {
      const own = betrokkeneFields.filter((field) => field.bron === bron);
      const velden = own.flatMap((field, index) => {
        const list = itemListOf(field.path);
        if (!list) return fieldShown(casus, field, kamers);
        // The list's entry comes where its first field is; the others are in it.
        const inList = own.filter((other) => itemListOf(other.path) === list);
        return inList[0] === own[index] ? itemsShown(casus, list, inList, kamers) : [];
      });
      return { bron, titel: sourceLabels[bron], velden };
    })
    .filter((group) => group.velden.length > 0);
}

function recipients(
  source: InzageSource,
  kamers: readonly Kamer[],
  organisations: readonly Organisation[],
): InzageCasus['ontvangers'] {
  const lines = accessLines(
    source.access.filter((r) => r.result !== 'refused' && r.actor.personId !== 'systeem'),
    kamers,
    organisations,
  );
  const byPerson = new Map<string, InzageCasus['ontvangers']['deelnemers'][number]>();
  for (const line of lines) {
    const key = `${line.wie}|${line.organisatie}`;
    const known = byPerson.get(key);
    if (known) {
      if (!known.wat.includes(line.wat)) known.wat.push(line.wat);
      known.laatste = line.wanneer;
    } else {
      byPerson.set(key, {
        naam: line.wie,
        organisatie: line.organisatie,
        rollen: line.rollen,
        wat: [line.wat],
        eerste: line.wanneer,
        laatste: line.wanneer,
      });
    }
  }
  return {
    deelnemers: [...byPerson.values()],
    volledig: !source.accessTruncated,
    incidenteleDeelnemers: source.casus.invitations.map((invitation) => ({
      organisatie: invitation.proposal.organisatie.naam,
      contactpersoon: invitation.proposal.contactpersoon.naam,
      status: invitationStateLabels[invitation.state],
      gedeeld: (invitation.shares ?? []).map((share) => ({
        op: formatDateTime(share.at),
        doel: share.purpose,
      })),
    })),
  };
}

/** "Bewaartermijn: 24 maanden na afsluiting (afgesloten op 3 december 2026)." */
function retention({ casus, kamer }: InzageSource): string {
  const { naAfsluiting, naAfwijzing } = kamer.bewaartermijnen;
  const clock = casus.retention;
  if (clock?.hold)
    return `Bewaartermijn: stilgezet door een bewaarplicht sinds ${formatDate(clock.hold.since)}; de gegevens worden pas verwijderd als die is opgeheven.`;
  if (clock)
    return `Bewaartermijn: de persoonsgegevens worden verwijderd op ${formatDate(clock.expiresAt)} (${casus.state === 'afgewezen' ? `${naAfwijzing} maanden na afwijzing` : `${naAfsluiting} maanden na afsluiting`}, of zoals verlengd).`;
  const ended = [...casus.audit].reverse().find((line) => line.to === casus.state);
  if (casus.state === 'afgesloten')
    return `Bewaartermijn: ${naAfsluiting} maanden na afsluiting${ended ? ` (afgesloten op ${formatDate(ended.at)})` : ''}.`;
  if (casus.state === 'afgewezen')
    return `Bewaartermijn: ${naAfwijzing} maanden na afwijzing${ended ? ` (afgewezen op ${formatDate(ended.at)})` : ''}.`;
  return `Bewaartermijn: ${naAfsluiting} maanden na afsluiting, of ${naAfwijzing} maanden na afwijzing. De casus loopt nog.`;
}

/** The inzage of one betrokkene over all their casussen (art. 15 AVG), in Dutch. */
export function inzageDocument(
  sources: readonly InzageSource[],
  context: {
    actor: Actor;
    at: Date;
    kamers: readonly Kamer[];
    organisations: readonly Organisation[];
  },
): InzageDocument {
  return {
    titel: 'Inzage in persoonsgegevens (art. 15 AVG)',
    gemaaktOp: formatDateTime(context.at.toISOString()),
    gemaaktDoor: `${context.actor.person.name}, contactpunt (${context.actor.organisation.name})`,
    toelichting: `Alle persoonsgegevens die casusbot over betrokkene bewaart, in ${sources.length === 1 ? '1 casus' : `${sources.length} casussen`}: per casus de gegevens met hun doel, wie ze heeft ontvangen of ingezien, en hoe lang ze worden bewaard. ${PURPOSE}`,
    casussen: sources.map((source) => {
      const { casus, kamer } = source;
      const gegevens = fieldsOf(casus, context.kamers);
      return {
        casusnummer: casus.casusNumber ?? '',
        kamer: kamer.name,
        status: casusStateLabels[casus.state],
        aangemeldOp: formatDate(casus.submission?.submittedAt ?? casus.createdAt),
        laatsteWijziging: formatDate(casus.audit.at(-1)?.at ?? casus.createdAt),
        gegevens,
        doelen: [PURPOSE, ...new Set(gegevens.flatMap((g) => g.velden.map((v) => v.doel)))],
        ontvangers: recipients(source, context.kamers, context.organisations),
        bewaartermijn: retention(source),
      };
    }),
  };
}
