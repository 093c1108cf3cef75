import type { CasusRepository, Versioned } from '../../domain/casus/casus.repository';
import type { Casus } from '../../domain/casus/casus.schema';
import { mayViewCasus } from '../../domain/casus/casus-audience';
import type { RegistryRepository } from '../../domain/registry/registry.repository';
import type { Kamer } from '../../domain/registry/registry.schema';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { AccessWhat } from '../../domain/access/access-record.schema';
import type { AccessRecorder } from '../access/access-recorder';
import type { Actor } from '../identify-actor';

export interface CasusServices {
  casussen: CasusRepository;
  registry: RegistryRepository;
  now(): Date;
  newId(): string;
  /** Records every read of casus details, shown or refused, in the access log. */
  access: AccessRecorder;
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
 * its existence is itself information. Both are recorded in the access log (the refusal too), as
 * `what` (a view, or the search that found it).
 */
export async function loadVisibleCasus(
  services: CasusServices,
  actor: Actor,
  found: Versioned<Casus> | undefined,
  what: Extract<AccessWhat, 'view' | 'search'> = 'view',
): Promise<Result<CasusInKamer, AccessRefusal>> {
  if (!found || found.value.state === 'concept' || !found.value.kamerId)
    return fail({ kind: 'not-found' });
  const kamer = await services.registry.getKamer(found.value.kamerId);
  if (!kamer)
    throw new Error(`Casus ${found.value.id} belongs to unknown kamer ${found.value.kamerId}`);
  const today = services.now().toISOString().slice(0, 10);
  const shown = mayViewCasus(actor, found.value, kamer, today);
  services.access.record(what, found.value, shown ? 'shown' : 'refused');
  if (!shown) return fail({ kind: 'not-found' });
  return ok({ casus: found.value, etag: found.etag, kamer });
}
