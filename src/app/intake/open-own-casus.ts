import type { Casus } from '../../domain/casus/casus.schema';
import { hasIntakeRole } from '../../domain/registry/roles';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';
import type { IntakeRefusal, IntakeServices } from './intake-services';

/** Opens one of the actor's own casussen from "mijn casussen" (a draft to resume, or a submitted one). */
export async function openOwnCasus(
  services: IntakeServices,
  actor: Actor,
  casusId: string,
): Promise<
  Result<Casus, Extract<IntakeRefusal, { kind: 'no-intake-role' | 'not-found' | 'not-yours' }>>
> {
  if (!hasIntakeRole(actor.person)) return fail({ kind: 'no-intake-role' });
  const stored = await services.casussen.get(casusId);
  if (!stored) return fail({ kind: 'not-found' });
  if (stored.value.createdBy.id !== actor.person.id) return fail({ kind: 'not-yours' });
  return ok(stored.value);
}
