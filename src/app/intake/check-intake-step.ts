import {
  parseStep,
  type FieldErrors,
  type FormStep,
  type FormValues,
  type IntakeContext,
} from '../../domain/intake/intake-form';
import type { Intake } from '../../domain/intake/intake.schema';
import { fail, type Result } from '../../domain/shared/result';
import { today, type IntakeServices } from './intake-services';

/** The date and the registry's organisations, which the criterion 4 step names partners from. */
export async function loadIntakeContext(
  services: IntakeServices,
  step?: FormStep,
): Promise<IntakeContext> {
  const needsOrganisations = step === undefined || step === 'criterium-4';
  return {
    today: today(services),
    organisations: needsOrganisations ? await services.registry.listOrganisations() : [],
  };
}

/** The step's own rules, plus what only the registry knows: the chosen kamer must be a Lokale Kamer. */
export async function checkStep(
  services: IntakeServices,
  step: FormStep,
  values: FormValues,
  context?: IntakeContext,
): Promise<Result<Partial<Intake>, FieldErrors>> {
  const parsed = parseStep(step, values, context ?? (await loadIntakeContext(services, step)));
  if (!parsed.ok) return parsed;
  if (step === 'betrokkene') {
    const kamer = values.kamerId ? await services.registry.getKamer(values.kamerId) : undefined;
    if (kamer?.type !== 'lokale-kamer')
      return fail({ kamerId: 'Kies een Lokale Kamer uit de lijst.' });
  }
  return parsed;
}
