import type { CasusNumberSequence } from '../../domain/casus/casus-number';
import type { CasusRepository, Versioned } from '../../domain/casus/casus.repository';
import type { Casus } from '../../domain/casus/casus.schema';
import type { RegistryRepository } from '../../domain/registry/registry.repository';
import { hasIntakeRole } from '../../domain/registry/roles';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';

export interface IntakeServices {
  casussen: CasusRepository;
  registry: RegistryRepository;
  numbers: CasusNumberSequence;
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

/** Loads a draft for an action from a card: the actor's own, still a concept, at the card's revision. */
export async function loadOwnDraft(
  services: IntakeServices,
  actor: Actor,
  casusId: string,
  revision: number,
): Promise<Result<Versioned<Casus>, IntakeRefusal>> {
  if (!hasIntakeRole(actor.person)) return fail({ kind: 'no-intake-role' });
  const stored = await services.casussen.get(casusId);
  if (!stored) return fail({ kind: 'not-found' });
  if (stored.value.createdBy.id !== actor.person.id) return fail({ kind: 'not-yours' });
  if (stored.value.state !== 'concept') return fail({ kind: 'not-editable', casus: stored.value });
  if (stored.value.revision !== revision) return fail({ kind: 'stale', casus: stored.value });
  return ok(stored);
}

/** One ETag-guarded write; losing the race is a stale card, with the casus as it now is. */
export async function writeDraft(
  services: IntakeServices,
  next: Casus,
  etag: string,
): Promise<Result<Casus, IntakeRefusal>> {
  const written = await services.casussen.replace(next, etag);
  if (written.ok) return ok(written.value.value);
  const current = await services.casussen.get(next.id);
  return fail(current ? { kind: 'stale', casus: current.value } : { kind: 'not-found' });
}
