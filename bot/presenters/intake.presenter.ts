import type { Casus } from '../../src/domain/casus/casus.schema';
import { type FieldErrors, type FormStep } from '../../src/domain/intake/intake-form';
import type { Kamer, Organisation } from '../../src/domain/registry/registry.schema';
import type { AdaptiveCardJson } from '../cards/card-template';
import type { Notice } from '../cards/notice';
import { intakeSubmittedCard } from '../cards/intake-submitted.card';
import { casusStateLabels, formatDateTime } from './casus-status';
import { stepCard } from './intake-step.presenter';
import { summaryCard } from './intake-summary.presenter';

const kamerName = (kamers: readonly Kamer[], id: string | undefined) =>
  kamers.find((k) => k.id === id)?.name ?? '';

export interface IntakeView {
  kamers: readonly Kamer[];
  /** The registry's organisations: criterion 4 names partners from them. */
  organisations: readonly Organisation[];
  today: string;
  errors?: FieldErrors;
  notice?: Notice;
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

/** A submitted casus, as its worker sees it. */
export function submittedCard(
  casus: Casus,
  kamers: readonly Kamer[],
  notice?: Notice,
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
    notices: notice ? [notice] : [],
  });
}
