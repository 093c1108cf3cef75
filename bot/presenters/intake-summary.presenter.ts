import type { Casus } from '../../src/domain/casus/casus.schema';
import { assessIntake } from '../../src/domain/intake/assessment';
import { parseIntake, type FormStep } from '../../src/domain/intake/intake-form';
import { aanmeldroutes, urgenties } from '../../src/domain/intake/vocabulary';
import { CardRenderError, type AdaptiveCardJson } from '../cards/card-template';
import { intakeSummaryCard } from '../cards/intake-summary.card';
import { casusEvidence, shortenEvidence } from './casus-evidence';
import { shortened } from './casus-event';
import { stepNumbers, stepTitles } from './intake-step.presenter';
import type { IntakeView } from './intake.presenter';

/** Enough to recognise an answer; ten of them in 3-byte characters stay far below the card limit. */
const SHORTENED_TEXT = 300;

/** Where to fix a failing criterion. */
const stepOfCriterion: Record<1 | 2 | 3 | 4, FormStep> = {
  1: 'criteria-1-2',
  2: 'criteria-1-2',
  3: 'criterium-3',
  4: 'criterium-4',
};

/**
 * The summary with the full assessment and the evidence. Should the answers be so long that the card
 * passes the Teams limit, their texts are shown shortened (they are stored in full), never an error.
 */
export function summaryCard(casus: Casus, view: IntakeView): AdaptiveCardJson {
  try {
    return renderSummary(casus, view);
  } catch (error) {
    if (!(error instanceof CardRenderError)) throw error;
    return renderSummary(casus, {
      ...view,
      notice: {
        text: [view.notice?.text, 'Lange antwoorden staan hier ingekort; ze zijn volledig bewaard.']
          .filter(Boolean)
          .join(' '),
        style: view.notice?.style ?? 'emphasis',
      },
      shortenTo: SHORTENED_TEXT,
    });
  }
}

function renderSummary(casus: Casus, view: IntakeView & { shortenTo?: number }): AdaptiveCardJson {
  const cut = (text: string) => (view.shortenTo ? shortened(text, view.shortenTo) : text);
  const v = casus.intake.values;
  const parsed = parseIntake(v, { today: view.today, organisations: view.organisations });
  const assessment = parsed.ok ? assessIntake(parsed.value) : undefined;
  const kamer = view.kamers.find((k) => k.id === v.kamerId)?.name ?? '';
  const route = aanmeldroutes.schema.safeParse(v.aanmeldroute);
  const urgentie = urgenties.schema.safeParse(v.urgentie);
  return intakeSummaryCard.render({
    casusId: casus.id,
    revision: casus.revision,
    notices: view.notice ? [view.notice] : [],
    facts: [
      {
        title: 'Betrokkene',
        value: cut([v.naam, v.gemeente].filter(Boolean).join(', ')) || '(nog niet ingevuld)',
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
      motivations: parsed.ok
        ? [{ text: cut(parsed.value[`criterium${c.criterion}`].motivering) }]
        : [],
      fix: c.met ? [] : [{ number: c.criterion, step: stepOfCriterion[c.criterion] }],
    })),
    evidence: parsed.ok ? [shortenEvidence(casusEvidence(parsed.value), cut)] : [],
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
