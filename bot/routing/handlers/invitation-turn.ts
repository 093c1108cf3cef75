import type { Organisation } from '../../../src/domain/registry/registry.schema';
import type { RegistryRepository } from '../../../src/domain/registry/registry.repository';
import type { Turn } from '../route-types';

/**
 * The turn with a registry that lists the organisations once: a proposal reads them for its
 * vaste-deelnemer check and the casus card after it for its audience, and the second is answered
 * from the first (one registry query, as for a decision).
 */
export function withOrganisationsOnce(turn: Turn): Turn {
  const registry = turn.services.registry;
  let listed: Promise<Organisation[]> | undefined;
  const once: RegistryRepository = Object.create(registry) as RegistryRepository;
  once.listOrganisations = () => {
    listed ??= registry.listOrganisations();
    return listed;
  };
  return { ...turn, services: { ...turn.services, registry: once } };
}
