import {
  parseStep,
  type FieldErrors,
  type FormStep,
  type FormValues,
} from '../../domain/intake/intake-form';
import { fail, type Result } from '../../domain/shared/result';
import { today, type IntakeServices } from './intake-services';

/** The step's own rules, plus what only the registry knows: the chosen kamer must be a Lokale Kamer. */
export async function checkStep(
  services: IntakeServices,
  step: FormStep,
  values: FormValues,
): Promise<Result<unknown, FieldErrors>> {
  const parsed = parseStep(step, values, today(services));
  if (!parsed.ok) return parsed;
  if (step === 'betrokkene') {
    const kamer = values.kamerId ? await services.registry.getKamer(values.kamerId) : undefined;
    if (kamer?.type !== 'lokale-kamer')
      return fail({ kamerId: 'Kies een Lokale Kamer uit de lijst.' });
  }
  return parsed;
}
