import type { CasusRepository, Versioned } from '../../domain/casus/casus.repository';
import type { Casus } from '../../domain/casus/casus.schema';
import { mayViewCasus } from '../../domain/casus/casus-audience';
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
 * Loads a submitted casus for someone who may see it: the same check (`mayViewCasus`) decides who
 * is notified of it. A casus the actor may not see answers exactly as one that does not exist:
 * its existence is itself information.
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
  const today = services.now().toISOString().slice(0, 10);
  if (!mayViewCasus(actor, found.value, kamer, today)) return fail({ kind: 'not-found' });
  return ok({ casus: found.value, etag: found.etag, kamer });
}
