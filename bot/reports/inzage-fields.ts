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
import type { Kamer } from '../../src/domain/registry/registry.schema';
import { formatDate } from '../presenters/casus-status';
import type { InzageCasus } from './inzage-document';

// The inzage's "Gegevens over betrokkene": every catalogued field the casus holds, as people read it.

const sourceLabels: Record<FieldSource, string> = {
  aanmelding: 'Aanmelding zoals ingediend',
  formulier: 'Antwoorden zoals getypt in het aanmeldformulier (bewaard voor vragen om informatie)',
  casus: 'Overige gegevens in de casus',
};

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

export function fieldsOf(casus: Casus, kamers: readonly Kamer[]): InzageCasus['gegevens'] {
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
