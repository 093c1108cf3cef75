import { formatCasusNumber } from '../../domain/casus/casus-number';
import { applyTransition, personRef } from '../../domain/casus/casus-transition';
import { authorise } from '../../domain/casus/decision-rights';
import type { Casus } from '../../domain/casus/casus.schema';
import { assessIntake, type Assessment } from '../../domain/intake/assessment';
import { parseIntake, type FieldErrors, type FormStep } from '../../domain/intake/intake-form';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';
import { checkStep, loadIntakeContext } from './check-intake-step';
import {
  loadOwnDraft,
  writeDraft,
  type IntakeRefusal,
  type IntakeServices,
} from './intake-services';

export type SubmitRefusal =
  | IntakeRefusal
  /** A step still needs work (the card should have prevented this; a forged one did not). */
  | { kind: 'incomplete'; casus: Casus; step: FormStep; errors: FieldErrors }
  /** BGS art. 2.20 does not hold: the casus cannot enter the Lokale Kamer. */
  | { kind: 'criteria-not-met'; casus: Casus; assessment: Assessment };

/**
 * Aanmelding: a complete intake that meets all four criteria of BGS art. 2.20 moves to
 * `aangemeld` at the chosen Lokale Kamer and gets its casus number, in one ETag-guarded write.
 * Whatever the card showed, everything is checked again here.
 */
export async function submitIntake(
  services: IntakeServices,
  actor: Actor,
  input: { casusId: string; revision: number; activityId: string | undefined },
): Promise<Result<Casus, SubmitRefusal>> {
  const loaded = await loadOwnDraft(services, actor, input, 'indienen');
  if (!loaded.ok) return loaded;
  if (loaded.value.applied) return ok(loaded.value.casus);
  const { value: casus, etag } = loaded.value.draft;

  const parsed = parseIntake(casus.intake.values, await loadIntakeContext(services));
  if (!parsed.ok) return fail({ kind: 'incomplete', casus, ...parsed.error });
  const registryCheck = await checkStep(services, 'betrokkene', casus.intake.values);
  if (!registryCheck.ok)
    return fail({ kind: 'incomplete', casus, step: 'betrokkene', errors: registryCheck.error });
  const assessment = assessIntake(parsed.value);
  if (assessment.verdict !== 'voldoet')
    return fail({ kind: 'criteria-not-met', casus, assessment });

  const kamer = await services.registry.getKamer(parsed.value.aanmelding.kamerId);
  if (kamer?.type !== 'lokale-kamer')
    throw new Error('checkStep accepted a kamer that is not a Lokale Kamer');
  const rights = authorise(actor.person, actor.organisation, casus, kamer, 'indienen');
  if (!rights.ok) throw new Error('loadOwnDraft admitted someone who may not submit');
  const now = services.now();
  // A number taken by a write that then loses its race stays unused: numbers are unique, not gapless.
  const sequence = await services.numbers.next(kamer.code, now.getUTCFullYear());
  const at = now.toISOString();
  const casusNumber = formatCasusNumber(kamer.code, now.getUTCFullYear(), sequence);
  await services.casussen.reserveNumber(casusNumber, casus.id);
  const submitted = applyTransition(casus, {
    action: 'indienen',
    ...rights.value,
    actor: personRef(actor.person, actor.organisation),
    at,
    activityId: input.activityId,
    changes: {
      kamerId: kamer.id,
      casusNumber,
      intake: { ...casus.intake, step: 'samenvatting' },
      submission: { submittedAt: at, intake: parsed.value, assessment },
      betrokkeneKey: services.betrokkeneKey(
        parsed.value.betrokkene.naam,
        parsed.value.betrokkene.geboortedatum,
      ),
      ...(parsed.value.betrokkene.bsn
        ? { bsnKey: services.bsnKey(parsed.value.betrokkene.bsn) }
        : {}),
    },
    notify: [{ id: services.newId(), createdAt: at, kind: 'casus-aangemeld' }],
    termijnen: kamer.termijnen,
  });
  return writeDraft(services, submitted, etag, {
    activityId: input.activityId,
    personId: actor.person.id,
    action: 'indienen',
  });
}
