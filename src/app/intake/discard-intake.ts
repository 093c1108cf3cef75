import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';
import { loadOwnDraft, type IntakeRefusal, type IntakeServices } from './intake-services';

/**
 * Discards a concept. It never entered the process, so it is deleted rather than kept: only what
 * is necessary is processed (WGS art. 2.25).
 */
export async function discardIntake(
  services: IntakeServices,
  actor: Actor,
  input: { casusId: string; revision: number },
): Promise<Result<void, IntakeRefusal>> {
  const loaded = await loadOwnDraft(services, actor, input.casusId, input.revision);
  if (!loaded.ok) return loaded;
  const deleted = await services.casussen.delete(input.casusId, loaded.value.etag);
  if (deleted.ok) return ok(undefined);
  const current = await services.casussen.get(input.casusId);
  return fail(current ? { kind: 'stale', casus: current.value } : { kind: 'not-found' });
}
