import type { Organisation } from '../registry/registry.schema';
import {
  aanwijzingField,
  aanwijzingSlots,
  deelnemersField,
  domains,
  leefgebiedField,
  type AanwijzingSlot,
} from './form-fields';
import type { FieldErrors, FormField, FormStep, FormValues, IntakeContext } from './intake-form';
import { leefgebieden } from './vocabulary';

// How the card's strings read as the sections of the intake schema, step by step, and which card
// field a schema issue belongs to.

const flag = (value: string | undefined) => value === 'true';
const choices = (value: string | undefined) =>
  value
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : [];
const blankToUndefined = (value: string | undefined) => value?.trim() || undefined;

/** Whether a draft holds any answer: toggles left off, "geen probleem" and the slot count are none. */
export function hasAnswers(values: FormValues): boolean {
  return Object.entries(values).some(
    ([field, value]) =>
      field !== 'aanwijzingenAantal' &&
      value !== undefined &&
      value.trim() !== '' &&
      value !== 'false' &&
      value !== 'geen',
  );
}

/** The vaste deelnemers a worker can pick for criterion 4: incidentele deelnemers are invited later. */
export function pickableDeelnemers(organisations: readonly Organisation[]) {
  return organisations.filter((o) => o.category !== 'incidentele-deelnemer');
}

/** The indication slots that hold anything: empty slots are not indications. */
export function filledAanwijzingSlots(v: FormValues): AanwijzingSlot[] {
  return aanwijzingSlots.filter((slot) =>
    (['soort', 'datum', 'tot', 'bron', 'omschrijving'] as const).some((part) =>
      blankToUndefined(v[aanwijzingField(slot, part)]),
    ),
  );
}

export interface Section {
  input: object;
  /** The form field an issue at this schema path belongs to. */
  fieldOf(path: readonly PropertyKey[]): FormField | undefined;
  /** Problems found while reading the form (a value no list offers). */
  errors: FieldErrors;
}

const byPath =
  (table: Record<string, FormField>) =>
  (path: readonly PropertyKey[]): FormField | undefined =>
    table[path.filter((part) => typeof part === 'string').join('.')];

/** Form strings → the shape of the intake schema, section by section. */
export const sections = {
  betrokkene: (v: FormValues): Section => ({
    input: {
      betrokkene: {
        naam: v.naam ?? '',
        geboortedatum: v.geboortedatum ?? '',
        gemeente: v.gemeente ?? '',
        bsn: v.bsn,
      },
      aanmelding: { aanmeldroute: v.aanmeldroute, kamerId: v.kamerId ?? '', urgentie: v.urgentie },
    },
    fieldOf: byPath({
      'betrokkene.naam': 'naam',
      'betrokkene.geboortedatum': 'geboortedatum',
      'betrokkene.gemeente': 'gemeente',
      'betrokkene.bsn': 'bsn',
      'aanmelding.aanmeldroute': 'aanmeldroute',
      'aanmelding.kamerId': 'kamerId',
      'aanmelding.urgentie': 'urgentie',
    }),
    errors: {},
  }),
  'criteria-1-2': (v: FormValues): Section => {
    const answered = leefgebieden.schema.options.flatMap((leefgebied) => {
      const answer = v[leefgebiedField(leefgebied)] ?? '';
      return answer === '' || answer === 'geen' ? [] : [{ leefgebied, status: answer }];
    });
    const table = byPath({
      'criterium1.gezinsRelevantie': 'gezinsRelevantie',
      'criterium1.motivering': 'motivering1',
      'criterium2.motivering': 'motivering2',
    });
    return {
      input: {
        criterium1: {
          bijBetrokkene: flag(v.bijBetrokkene),
          inGezinssituatie: flag(v.inGezinssituatie),
          gezinsRelevantie: v.gezinsRelevantie,
          motivering: v.motivering1 ?? '',
        },
        criterium2: { leefgebieden: answered, motivering: v.motivering2 ?? '' },
      },
      fieldOf: (path) => {
        const index = path[0] === 'criterium2' && path[1] === 'leefgebieden' ? path[2] : undefined;
        const item = typeof index === 'number' ? answered[index] : undefined;
        return item ? leefgebiedField(item.leefgebied) : table(path);
      },
      errors: {},
    };
  },
  'criterium-3': (v: FormValues): Section => {
    const slots = filledAanwijzingSlots(v);
    const partOfKey = {
      soort: 'soort',
      datum: 'datum',
      totDatum: 'tot',
      bron: 'bron',
      omschrijving: 'omschrijving',
    } as const;
    const table = byPath({
      'criterium3.gevolgen': 'gevolgen',
      'criterium3.tijden': 'tijden',
      'criterium3.motivering': 'motivering3',
    });
    return {
      input: {
        criterium3: {
          gevolgen: choices(v.gevolgen),
          tijden: choices(v.tijden),
          aanwijzingen: slots.map((slot) => ({
            soort: blankToUndefined(v[aanwijzingField(slot, 'soort')]),
            datum: v[aanwijzingField(slot, 'datum')] ?? '',
            totDatum: blankToUndefined(v[aanwijzingField(slot, 'tot')]),
            bron: v[aanwijzingField(slot, 'bron')] ?? '',
            omschrijving: v[aanwijzingField(slot, 'omschrijving')] ?? '',
          })),
          motivering: v.motivering3 ?? '',
        },
      },
      fieldOf: (path) => {
        const [, list, index, key] = path;
        const slot =
          list === 'aanwijzingen' && typeof index === 'number' ? slots[index] : undefined;
        if (!slot) return table(path);
        const part = partOfKey[key as keyof typeof partOfKey];
        return aanwijzingField(slot, part ?? 'omschrijving');
      },
      errors: {},
    };
  },
  'criterium-4': (v: FormValues, context: IntakeContext): Section => {
    const errors: FieldErrors = {};
    const pickable = pickableDeelnemers(context.organisations);
    const deelnemers = domains.flatMap((domain) =>
      choices(v[deelnemersField(domain)]).flatMap((id) => {
        const organisation = pickable.find((o) => o.id === id && o.domain === domain);
        if (!organisation) errors[deelnemersField(domain)] = 'Kies alleen deelnemers uit de lijst.';
        return organisation ? [{ organisationId: id, name: organisation.name, domain }] : [];
      }),
    );
    return {
      input: {
        criterium4: {
          deelnemers,
          overigePartijen: v.overigePartijen,
          motivering: v.motivering4 ?? '',
        },
        doorbraak: { nodig: flag(v.doorbraakNodig), toelichting: v.doorbraakToelichting },
      },
      fieldOf: (path) =>
        path[1] === 'deelnemers'
          ? 'deelnemers-justitieel'
          : byPath({
              'criterium4.overigePartijen': 'overigePartijen',
              'criterium4.motivering': 'motivering4',
              'doorbraak.toelichting': 'doorbraakToelichting',
            })(path),
      errors,
    };
  },
} satisfies Record<FormStep, (values: FormValues, context: IntakeContext) => Section>;
