import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';
import { WriteOutcomeUnknownError } from '../../domain/shared/write-outcome';
import { loadOwnDraft, type IntakeRefusal, type IntakeServices } from './intake-services';

/**
 * Discards a concept. It never entered the process, so it is deleted rather than kept: only what
 * is necessary is processed (WGS art. 2.25).
 */
export async function discardIntake(
  services: IntakeServices,
  actor: Actor,
  input: { casusId: string; revision: number; activityId: string | undefined },
): Promise<Result<void, IntakeRefusal>> {
  const loaded = await loadOwnDraft(services, actor, input);
  if (!loaded.ok) return loaded;
  if (loaded.value.applied) return fail({ kind: 'stale', casus: loaded.value.casus });
  const { etag } = loaded.value.draft;
  for (let attempt = 0; attempt < 2; attempt++) {
    const deleted = await services.casussen.delete(input.casusId, etag);
    if (deleted.ok) return ok(undefined);
    const current = await services.casussen.get(input.casusId);
    // Gone is what was asked, whether this delete or its unanswered first try did it.
    if (!current) return ok(undefined);
    if (deleted.error !== 'outcome-unknown' || current.etag !== etag)
      return fail({ kind: 'stale', casus: current.value });
  }
  throw new WriteOutcomeUnknownError('discarding a draft');
}
