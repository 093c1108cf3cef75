import type { Casus } from '../../domain/casus/casus.schema';
import type { Kamer } from '../../domain/registry/registry.schema';
import type { Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';
import { loadVisibleCasus, type AccessRefusal, type CasusServices } from './casus-access';

/** "casus <nummer>": a submitted casus, for whoever may see it. */
export async function openCasusByNumber(
  services: CasusServices,
  actor: Actor,
  casusNumber: string,
): Promise<Result<{ casus: Casus; kamer: Kamer }, AccessRefusal>> {
  return loadVisibleCasus(
    services,
    actor,
    await services.casussen.findByNumber(casusNumber.toUpperCase()),
  );
}

/** The same, by id: a card's refresh or a button on a notification. */
export async function openCasusById(
  services: CasusServices,
  actor: Actor,
  casusId: string,
): Promise<Result<{ casus: Casus; kamer: Kamer }, AccessRefusal>> {
  return loadVisibleCasus(services, actor, await services.casussen.get(casusId));
}
