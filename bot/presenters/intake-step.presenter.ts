import type { Casus } from '../../src/domain/casus/casus.schema';
import { partialVerdicts } from '../../src/domain/intake/assessment';
import {
  aanwijzingField,
  aanwijzingSlots,
  deelnemersField,
  domains,
  leefgebiedField,
} from '../../src/domain/intake/form-fields';
import {
  allFormFields,
  filledAanwijzingSlots,
  parseStep,
  pickableDeelnemers,
  type FormField,
  type FormStep,
  type FormValues,
  type IntakeStep,
  type IntakeContext,
} from '../../src/domain/intake/intake-form';
import { MAX_AANWIJZINGEN } from '../../src/domain/intake/intake.schema';
import { domeinLabels, leefgebieden } from '../../src/domain/intake/vocabulary';
import type { Organisation } from '../../src/domain/registry/registry.schema';
import type { AdaptiveCardJson } from '../cards/card-template';
import { intakeStepCards } from '../cards/intake-step.cards';
import { fieldLabels } from './intake-field-labels';
import type { IntakeView } from './intake.presenter';

/** The wizard's steps as the cards name them. */
export const stepTitles: Record<IntakeStep, string> = {
  betrokkene: 'Betrokkene en aanmelding',
  'criteria-1-2': 'Criteria 1 en 2',
  'criterium-3': 'Criterium 3',
  'criterium-4': 'Criterium 4 en doorbraak',
  samenvatting: 'Samenvatting',
};

export const stepNumbers = {
  betrokkene: 1,
  'criteria-1-2': 2,
  'criterium-3': 3,
  'criterium-4': 4,
  samenvatting: 5,
} as const;

const defaults: Partial<Record<FormField, string>> = {
  bijBetrokkene: 'false',
  inGezinssituatie: 'false',
  doorbraakNodig: 'false',
  ...Object.fromEntries(leefgebieden.schema.options.map((l) => [leefgebiedField(l), 'geen'])),
};

/** How many indication slots to show: as many as asked for, and never hide a filled one. */
export function shownAanwijzingen(values: FormValues): number {
  const asked = Number.parseInt(values.aanwijzingenAantal ?? '', 10);
  const filled = filledAanwijzingSlots(values).at(-1) ?? 0;
  return Math.min(MAX_AANWIJZINGEN, Math.max(1, Number.isNaN(asked) ? 1 : asked, filled));
}

/** "Criterium 2: voldoet niet — …" for the criteria of the step the worker just left. */
function verdicts(left: FormStep | undefined, values: FormValues, context: IntakeContext) {
  if (!left) return [];
  const parsed = parseStep(left, values, context);
  if (!parsed.ok) return [];
  return partialVerdicts(parsed.value).map((result) => ({
    heading: `Criterium ${result.criterion}: ${result.met ? 'voldoet' : 'voldoet niet'}`,
    explanation: result.met ? '' : ` — ${result.explanation}`,
  }));
}

function deelnemerGroups(values: FormValues, organisations: readonly Organisation[]) {
  const pickable = pickableDeelnemers(organisations);
  return domains.flatMap((domain) => {
    const choices = pickable
      .filter((o) => o.domain === domain)
      .map((o) => ({ title: o.name, value: o.id }));
    const id = deelnemersField(domain);
    return choices.length === 0
      ? []
      : [
          {
            id,
            label: `Domein ${domeinLabels[domain].toLowerCase()}`,
            value: values[id] ?? '',
            choices,
          },
        ];
  });
}

/** One of the four form steps, with what was typed, what needs work, and the verdict just reached. */
export function stepCard(casus: Casus, step: FormStep, view: IntakeView): AdaptiveCardJson {
  const v = casus.intake.values;
  const values = Object.fromEntries(
    allFormFields.map((field) => [field, v[field] ?? defaults[field] ?? '']),
  ) as Record<FormField, string>;
  const errors = Object.entries(view.errors ?? {}).map(([field, message]) => ({
    label: fieldLabels[field as FormField],
    message,
  }));
  const shown = shownAanwijzingen(v);
  const returning = view.returnTo === 'samenvatting';
  return intakeStepCards[step].render({
    casusId: casus.id,
    revision: casus.revision,
    step,
    stepNumber: stepNumbers[step],
    values,
    kamers: view.kamers
      .filter((k) => k.type === 'lokale-kamer')
      .map(({ id, name }) => ({ id, name })),
    notices: view.notice ? [view.notice] : [],
    verdicts: verdicts(view.left, v, { today: view.today, organisations: view.organisations }),
    returnTo: returning ? 'samenvatting' : '',
    nextTitle: returning
      ? 'Terug naar de samenvatting'
      : step === 'criterium-4'
        ? 'Naar de samenvatting'
        : 'Volgende',
    leefgebieden: leefgebieden.schema.options.map((l) => ({
      id: leefgebiedField(l),
      label: leefgebieden.labels[l],
      value: values[leefgebiedField(l)],
    })),
    aanwijzingenAantal: String(shown),
    aanwijzingen: aanwijzingSlots.slice(0, shown).map((slot) => ({
      title: `Aanwijzing ${slot}`,
      soortId: aanwijzingField(slot, 'soort'),
      datumId: aanwijzingField(slot, 'datum'),
      totId: aanwijzingField(slot, 'tot'),
      bronId: aanwijzingField(slot, 'bron'),
      omschrijvingId: aanwijzingField(slot, 'omschrijving'),
      soort: values[aanwijzingField(slot, 'soort')],
      datum: values[aanwijzingField(slot, 'datum')],
      tot: values[aanwijzingField(slot, 'tot')],
      bron: values[aanwijzingField(slot, 'bron')],
      omschrijving: values[aanwijzingField(slot, 'omschrijving')],
    })),
    addAanwijzing: shown < MAX_AANWIJZINGEN ? [{}] : [],
    deelnemerGroups: deelnemerGroups(v, view.organisations),
    errorSummary: errors.length > 0 ? [{}] : [],
    errors,
  });
}
