import type { BetrokkeneKeyer, BsnKeyer } from '../casus/betrokkene-key';
import type { CasusNumberSequence } from '../../domain/casus/casus-number';
import type { CasusRepository, Versioned } from '../../domain/casus/casus.repository';
import { recordsActivity, type ActivityChange } from '../../domain/casus/applied-activity';
import type { CasusAction } from '../../domain/casus/casus-machine';
import type { Casus } from '../../domain/casus/casus.schema';
import type { RegistryRepository } from '../../domain/registry/registry.repository';
import { hasIntakeRole } from '../../domain/registry/roles';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';
import { WriteOutcomeUnknownError } from '../../domain/shared/write-outcome';

export interface IntakeServices {
  casussen: CasusRepository;
  registry: RegistryRepository;
  numbers: CasusNumberSequence;
  /** The search key of a betrokkene, stored on the casus at submit. */
  betrokkeneKey: BetrokkeneKeyer;
  /** The search key of a betrokkene's BSN, stored on the casus at submit when there is one. */
  bsnKey: BsnKeyer;
  now(): Date;
  newId(): string;
}

/** Why an intake action was refused; nothing was written in any of these cases. */
export type IntakeRefusal =
  | { kind: 'no-intake-role' }
  | { kind: 'not-found' }
  | { kind: 'not-yours' }
  /** The casus was submitted (or moved on): it is no longer a draft. */
  | { kind: 'not-editable'; casus: Casus }
  /** The card showed an older revision, or another write came first. */
  | { kind: 'stale'; casus: Casus };

export const today = (services: Pick<IntakeServices, 'now'>) =>
  services.now().toISOString().slice(0, 10);

/**
 * A draft as an action from a card finds it: the actor's own, still a concept, at the card's
 * revision; or `applied` when this very activity changed it already (a repeated delivery).
 */
export type LoadedDraft =
  { applied: false; draft: Versioned<Casus> } | { applied: true; casus: Casus };

/** Loads a draft for an action from a card: the actor's own, still a concept, at the card's revision. */
export async function loadOwnDraft(
  services: IntakeServices,
  actor: Actor,
  input: { casusId: string; revision: number; activityId: string | undefined },
  /** The audited action this activity would be (a submit), or none for a step. */
  action?: CasusAction,
): Promise<Result<LoadedDraft, IntakeRefusal>> {
  if (!hasIntakeRole(actor.person)) return fail({ kind: 'no-intake-role' });
  const stored = await services.casussen.get(input.casusId);
  if (!stored) return fail({ kind: 'not-found' });
  if (stored.value.createdBy.id !== actor.person.id) return fail({ kind: 'not-yours' });
  const change = { activityId: input.activityId, personId: actor.person.id, action };
  if (recordsActivity(stored.value, change)) return ok({ applied: true, casus: stored.value });
  if (stored.value.state !== 'concept') return fail({ kind: 'not-editable', casus: stored.value });
  if (stored.value.revision !== input.revision) return fail({ kind: 'stale', casus: stored.value });
  return ok({ applied: false, draft: stored });
}

/**
 * One ETag-guarded write of a draft change (`change`). Losing the race is a stale card,
 * with the casus as it now is. A write without an answer is read back: the change is in it (done),
 * or the casus is as it was (written once more), or someone else came first (stale).
 */
export async function writeDraft(
  services: IntakeServices,
  next: Casus,
  etag: string,
  change: ActivityChange,
): Promise<Result<Casus, IntakeRefusal>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const written = await services.casussen.replace(next, etag);
    if (written.ok) return ok(written.value.value);
    const current = await services.casussen.get(next.id);
    if (!current) return fail({ kind: 'not-found' });
    if (recordsActivity(current.value, change)) return ok(current.value);
    if (written.error !== 'outcome-unknown' || current.etag !== etag)
      return fail({ kind: 'stale', casus: current.value });
  }
  throw new WriteOutcomeUnknownError('a draft change');
}
