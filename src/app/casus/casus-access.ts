import type { CasusRepository, Versioned } from '../../domain/casus/casus.repository';
import type { Casus } from '../../domain/casus/casus.schema';
import { mayView } from '../../domain/casus/decision-rights';
import type { RegistryRepository } from '../../domain/registry/registry.repository';
import type { Kamer } from '../../domain/registry/registry.schema';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';

export interface CasusServices {
  casussen: CasusRepository;
  registry: RegistryRepository;
  now(): Date;
  newId(): string;
}

/** A submitted casus with the Lokale Kamer it belongs to. */
export interface CasusInKamer {
  casus: Casus;
  etag: string;
  kamer: Kamer;
}

export type AccessRefusal = { kind: 'not-found' } | { kind: 'not-authorised' };

/**
 * Loads a submitted casus for someone who may see it. A casus the actor may not see answers
 * exactly as one that does not exist: its existence is itself information.
 */
export async function loadVisibleCasus(
  services: CasusServices,
  actor: Actor,
  found: Versioned<Casus> | undefined,
): Promise<Result<CasusInKamer, AccessRefusal>> {
  if (!found || found.value.state === 'concept' || !found.value.kamerId)
    return fail({ kind: 'not-found' });
  const kamer = await services.registry.getKamer(found.value.kamerId);
  if (!kamer)
    throw new Error(`Casus ${found.value.id} belongs to unknown kamer ${found.value.kamerId}`);
  if (!mayView(actor.person, actor.organisation, found.value, kamer))
    return fail({ kind: 'not-found' });
  return ok({ casus: found.value, etag: found.etag, kamer });
}
