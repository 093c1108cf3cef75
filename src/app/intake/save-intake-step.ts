import type { Casus } from '../../domain/casus/casus.schema';
import {
  intakeSteps,
  stepFields,
  type FieldErrors,
  type FormValues,
  type IntakeStep,
} from '../../domain/intake/intake-form';
import { MAX_AANWIJZINGEN } from '../../domain/intake/intake.schema';
import { ok, type Result } from '../../domain/shared/result';
import { checkStep } from './check-intake-step';
import type { Actor } from '../identify-actor';
import {
  loadOwnDraft,
  writeDraft,
  type IntakeRefusal,
  type IntakeServices,
} from './intake-services';

export type StepMove = 'next' | 'back' | 'save' | 'goto' | 'add-aanwijzing';

export interface StepOutcome {
  casus: Casus;
  /** Present when "next" was refused: the step's answers are saved, but need work. */
  errors?: FieldErrors;
}

const neighbour = (step: IntakeStep, offset: 1 | -1): IntakeStep =>
  intakeSteps[intakeSteps.indexOf(step) + offset] ?? step;

/**
 * Saves what a step card sent and moves through the wizard. The answers are kept as typed even
 * when they do not pass yet, so back and forth never loses text; "next" only passes a valid step.
 */
export async function saveIntakeStep(
  services: IntakeServices,
  actor: Actor,
  input: {
    casusId: string;
    revision: number;
    step: IntakeStep;
    move: StepMove;
    target?: IntakeStep;
    /** "Aanpassen" came from the summary: a valid "next" goes straight back there. */
    returnTo?: 'samenvatting';
    values: FormValues;
    activityId: string | undefined;
  },
): Promise<Result<StepOutcome, IntakeRefusal>> {
  const loaded = await loadOwnDraft(services, actor, input);
  if (!loaded.ok) return loaded;
  if (loaded.value.applied) return ok({ casus: loaded.value.casus });
  const { value: casus, etag } = loaded.value.draft;

  const values = { ...casus.intake.values, ...stepValues(input.step, input.values) };
  let step: IntakeStep = input.step;
  let errors: FieldErrors | undefined;
  if (input.move === 'next' && input.step !== 'samenvatting') {
    const checked = await checkStep(services, input.step, values);
    if (checked.ok) step = input.returnTo ?? neighbour(input.step, 1);
    else errors = checked.error;
  } else if (input.move === 'add-aanwijzing' && input.step === 'criterium-3') {
    const shown = Number.parseInt(values.aanwijzingenAantal ?? '', 10) || 1;
    values.aanwijzingenAantal = String(Math.min(MAX_AANWIJZINGEN, shown + 1));
  } else if (input.move === 'back') {
    step = neighbour(input.step, -1);
  } else if (input.move === 'goto' && input.target) {
    step = input.target;
  }

  const written = await writeDraft(
    services,
    {
      ...casus,
      revision: casus.revision + 1,
      intake: { step, values, activityId: input.activityId },
    },
    etag,
    { activityId: input.activityId, personId: actor.person.id },
  );
  if (!written.ok) return written;
  return ok({ casus: written.value, ...(errors ? { errors } : {}) });
}

/** Only the fields that belong to the step the card showed: a forged card cannot write others. */
function stepValues(step: IntakeStep, values: FormValues): FormValues {
  if (step === 'samenvatting') return {};
  const fields: readonly string[] = stepFields[step];
  return Object.fromEntries(Object.entries(values).filter(([field]) => fields.includes(field)));
}
