import type { Casus } from '../../src/domain/casus/casus.schema';
import { assessIntake } from '../../src/domain/intake/assessment';
import {
  parseIntake,
  type FieldErrors,
  type FormStep,
  type IntakeStep,
} from '../../src/domain/intake/intake-form';
import { aanmeldroutes, urgenties } from '../../src/domain/intake/vocabulary';
import type { Kamer, Organisation } from '../../src/domain/registry/registry.schema';
import type { AdaptiveCardJson } from '../cards/card-template';
import { intakeSubmittedCard } from '../cards/intake-submitted.card';
import { intakeSummaryCard } from '../cards/intake-summary.card';
import { myCasussenCard } from '../cards/my-casussen.card';
import { casusEvidence } from './casus-evidence';
import { casusStateLabels, formatDate, formatDateTime } from './casus-status';
import { stepCard, stepNumbers } from './intake-step.presenter';

export const stepTitles: Record<IntakeStep, string> = {
  betrokkene: 'Betrokkene en aanmelding',
  'criteria-1-2': 'Criteria 1 en 2',
  'criterium-3': 'Criterium 3',
  'criterium-4': 'Criterium 4 en doorbraak',
  samenvatting: 'Samenvatting',
};
/** Where to fix a failing criterion. */
const stepOfCriterion: Record<1 | 2 | 3 | 4, FormStep> = {
  1: 'criteria-1-2',
  2: 'criteria-1-2',
  3: 'criterium-3',
  4: 'criterium-4',
};

const notices = (notice: string | undefined) => (notice ? [{ text: notice }] : []);
const kamerName = (kamers: readonly Kamer[], id: string | undefined) =>
  kamers.find((k) => k.id === id)?.name ?? '';

export interface IntakeView {
  kamers: readonly Kamer[];
  /** The registry's organisations: criterion 4 names partners from them. */
  organisations: readonly Organisation[];
  today: string;
  errors?: FieldErrors;
  notice?: string;
  /** The step the worker just left with "next": its criteria's verdicts go on this card. */
  left?: FormStep;
  /** Set when "Aanpassen" on the summary opened this step: "next" returns to the summary. */
  returnTo?: 'samenvatting';
}

/** The card for where the draft is now: one of the four form steps, or the summary. */
export function intakeCard(casus: Casus, view: IntakeView): AdaptiveCardJson {
  const step = casus.intake.step;
  return step === 'samenvatting' ? summaryCard(casus, view) : stepCard(casus, step, view);
}

function summaryCard(casus: Casus, view: IntakeView): AdaptiveCardJson {
  const v = casus.intake.values;
  const parsed = parseIntake(v, { today: view.today, organisations: view.organisations });
  const assessment = parsed.ok ? assessIntake(parsed.value) : undefined;
  const kamer = kamerName(view.kamers, v.kamerId);
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
      color: c.met ? ('Good' as const) : ('Attention' as const),
      explanation: c.explanation,
      motivations: parsed.ok ? [{ text: parsed.value[`criterium${c.criterion}`].motivering }] : [],
      fix: c.met ? [] : [{ number: c.criterion, step: stepOfCriterion[c.criterion] }],
    })),
    evidence: parsed.ok ? [casusEvidence(parsed.value)] : [],
    passes: assessment?.verdict === 'voldoet' ? [{ kamer }] : [],
    fails:
      assessment && assessment.verdict !== 'voldoet'
        ? [{ failing: failingText(assessment.failing) }]
        : [],
    submit: assessment?.verdict === 'voldoet' ? [{ kamer }] : [],
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

export function myCasussenListCard(
  casussen: readonly Casus[],
  kamers: readonly Kamer[],
): AdaptiveCardJson {
  return myCasussenCard.render({
    empty: casussen.length === 0 ? [{}] : [],
    casussen: casussen.map((casus) => ({
      title: casus.casusNumber ?? 'Concept',
      status: casusStateLabels[casus.state],
      subtitle: [
        casus.intake.values.naam || 'betrokkene nog niet ingevuld',
        casus.kamerId
          ? kamerName(kamers, casus.kamerId)
          : `stap ${stepNumbers[casus.intake.step]} van 5`,
        `gestart ${formatDate(casus.createdAt)}`,
      ].join(' · '),
      resume: casus.state === 'concept' ? [{ casusId: casus.id, label: 'Verder' }] : [],
    })),
  });
}
