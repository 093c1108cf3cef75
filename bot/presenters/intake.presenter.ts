import type { Casus } from '../../src/domain/casus/casus.schema';
import { assessIntake } from '../../src/domain/intake/assessment';
import {
  parseIntake,
  allFormFields,
  type FieldErrors,
  type FormField,
  type FormStep,
  type IntakeStep,
} from '../../src/domain/intake/intake-form';
import { aanmeldroutes, urgenties } from '../../src/domain/intake/vocabulary';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import type { AdaptiveCardJson } from '../cards/card-template';
import { intakeStepCards } from '../cards/intake-step.cards';
import { intakeSubmittedCard } from '../cards/intake-submitted.card';
import { intakeSummaryCard } from '../cards/intake-summary.card';
import { casusStateLabels, formatDateTime } from './casus-status';

export const stepTitles: Record<IntakeStep, string> = {
  betrokkene: 'Betrokkene en aanmelding',
  'criteria-1-2': 'Criteria 1 en 2',
  'criterium-3': 'Criterium 3',
  'criterium-4': 'Criterium 4 en doorbraak',
  samenvatting: 'Samenvatting',
};
const stepNumbers: Record<IntakeStep, number> = {
  betrokkene: 1,
  'criteria-1-2': 2,
  'criterium-3': 3,
  'criterium-4': 4,
  samenvatting: 5,
};
/** Where to fix a failing criterion. */
const stepOfCriterion: Record<1 | 2 | 3 | 4, FormStep> = {
  1: 'criteria-1-2',
  2: 'criteria-1-2',
  3: 'criterium-3',
  4: 'criterium-4',
};

/** The labels of the card inputs, to name them in an error summary. */
export const fieldLabels: Record<FormField, string> = {
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
  leefgebieden: 'Leefgebieden met problemen',
  criminogeen: 'Leefgebieden met criminogene factoren',
  motivering2: 'Motivering criterium 2',
  gevolgen: 'Waartoe leiden de problemen?',
  tijden: 'Wanneer?',
  objectieveAanwijzingen: 'Objectieve aanwijzingen',
  motivering3: 'Motivering criterium 3',
  domeinen: 'Domeinen',
  motivering4: 'Motivering criterium 4',
  doorbraakNodig: 'Doorbraak nodig',
  doorbraakToelichting: 'Toelichting doorbraak',
};

const toggles: FormField[] = ['bijBetrokkene', 'inGezinssituatie', 'doorbraakNodig'];
const notices = (notice: string | undefined) => (notice ? [{ text: notice }] : []);
const kamerName = (kamers: readonly Kamer[], id: string | undefined) =>
  kamers.find((k) => k.id === id)?.name ?? '';

export interface IntakeView {
  kamers: readonly Kamer[];
  today: string;
  errors?: FieldErrors;
  notice?: string;
}

/** The card for where the draft is now: one of the four form steps, or the summary. */
export function intakeCard(casus: Casus, view: IntakeView): AdaptiveCardJson {
  const step = casus.intake.step;
  if (step === 'samenvatting') return summaryCard(casus, view);
  const values = Object.fromEntries(
    allFormFields.map((field) => [
      field,
      casus.intake.values[field] ?? (toggles.includes(field) ? 'false' : ''),
    ]),
  ) as Record<FormField, string>;
  const errors = Object.entries(view.errors ?? {}).map(([field, message]) => ({
    label: fieldLabels[field as FormField],
    message,
  }));
  return intakeStepCards[step].render({
    casusId: casus.id,
    revision: casus.revision,
    step,
    stepNumber: stepNumbers[step],
    values,
    kamers: view.kamers
      .filter((k) => k.type === 'lokale-kamer')
      .map(({ id, name }) => ({ id, name })),
    notices: notices(view.notice),
    errorSummary: errors.length > 0 ? [{}] : [],
    errors,
  });
}

function summaryCard(casus: Casus, view: IntakeView): AdaptiveCardJson {
  const v = casus.intake.values;
  const parsed = parseIntake(v, view.today);
  const assessment = parsed.ok ? assessIntake(parsed.value) : undefined;
  const kamer = kamerName(view.kamers, v.kamerId);
  const firstFailing = assessment?.failing[0];
  const route = aanmeldroutes.schema.safeParse(v.aanmeldroute);
  const urgentie = urgenties.schema.safeParse(v.urgentie);
  return intakeSummaryCard.render({
    casusId: casus.id,
    revision: casus.revision,
    notices: notices(view.notice),
    facts: [
      {
        title: 'Betrokkene',
        value: [v.naam, v.gemeente].filter(Boolean).join(', ') || '(nog niet ingevuld)',
      },
      {
        title: 'Aanmeldroute',
        value: route.success ? aanmeldroutes.labels[route.data] : '(nog niet ingevuld)',
      },
      { title: 'Lokale Kamer', value: kamer || '(nog niet gekozen)' },
      {
        title: 'Urgentie',
        value: urgentie.success ? urgenties.labels[urgentie.data] : '(nog niet ingevuld)',
      },
      { title: 'Doorbraak nodig', value: v.doorbraakNodig === 'true' ? 'Ja' : 'Nee' },
    ],
    incomplete: parsed.ok
      ? []
      : [
          {
            step: parsed.error.step,
            stepNumber: stepNumbers[parsed.error.step],
            stepTitle: stepTitles[parsed.error.step],
          },
        ],
    criteria: (assessment?.criteria ?? []).map((c) => ({
      number: c.criterion,
      title: c.title,
      status: c.met ? 'Voldoet' : 'Voldoet niet',
      // Teams' Good (light green) is hard to read on white: a met criterion reads in the default colour.
      color: c.met ? ('Default' as const) : ('Attention' as const),
      explanation: c.explanation,
      motivations: parsed.ok ? [{ text: parsed.value[`criterium${c.criterion}`].motivering }] : [],
    })),
    passes: assessment?.verdict === 'voldoet' ? [{ kamer }] : [],
    fails:
      assessment && assessment.verdict !== 'voldoet'
        ? [{ failing: failingText(assessment.failing) }]
        : [],
    submit: assessment?.verdict === 'voldoet' ? [{ kamer }] : [],
    fix: firstFailing ? [{ number: firstFailing, step: stepOfCriterion[firstFailing] }] : [],
  });
}

function failingText(failing: readonly number[]): string {
  const names = failing.map(String);
  return failing.length === 1
    ? `criterium ${names[0]}`
    : `de criteria ${names.slice(0, -1).join(', ')} en ${names.at(-1)}`;
}

/** A submitted casus, as its worker sees it. */
export function submittedCard(
  casus: Casus,
  kamers: readonly Kamer[],
  notice?: string,
): AdaptiveCardJson {
  const submitted = casus.audit.find((entry) => entry.to === 'aangemeld');
  const kamer = kamerName(kamers, casus.kamerId);
  const casusNumber = casus.casusNumber ?? '';
  return intakeSubmittedCard.render({
    casusId: casus.id,
    casusNumber,
    kamer,
    facts: [
      { title: 'Casusnummer', value: casusNumber },
      { title: 'Status', value: casusStateLabels[casus.state] },
      { title: 'Lokale Kamer', value: kamer },
      {
        title: 'Betrokkene',
        value: casus.submission?.intake.betrokkene.naam ?? casus.intake.values.naam ?? '',
      },
      { title: 'Aangemeld op', value: submitted ? formatDateTime(submitted.at) : '' },
      { title: 'Aangemeld door', value: submitted?.actor.name ?? '' },
    ],
    notices: notices(notice),
  });
}
