import type { Listed } from '../../domain/casus/casus.repository';
import type { Casus } from '../../domain/casus/casus.schema';
import { hasIntakeRole } from '../../domain/registry/roles';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';
import type { IntakeServices } from './intake-services';

/** Enough for a card; older casussen are found by number. */
export const MY_CASUSSEN_LIMIT = 20;

/** "mijn casussen": the actor's drafts and submitted casussen, newest first. */
export async function listMyCasussen(
  services: IntakeServices,
  actor: Actor,
): Promise<Result<Listed<Casus>[], { kind: 'no-intake-role' }>> {
  if (!hasIntakeRole(actor.person)) return fail({ kind: 'no-intake-role' });
  return ok(await services.casussen.listCreatedBy(actor.person.id, MY_CASUSSEN_LIMIT));
}
