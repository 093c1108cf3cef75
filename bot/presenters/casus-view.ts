import type { Casus } from '../../src/domain/casus/casus.schema';
import { reachedZvh } from '../../src/domain/casus/decision-rights';
import type { RegistryRepository } from '../../src/domain/registry/registry.repository';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import type { CasusView } from './casus.presenter';

/** What a casus card needs from the registry: the ZVH, and who gets their own view on refresh. */
export async function loadCasusView(
  registry: RegistryRepository,
  casus: Casus,
  kamer: Kamer,
  extra: Pick<CasusView, 'notice' | 'draftMotivation'> = {},
): Promise<CasusView> {
  const zvh = kamer.type === 'lokale-kamer' ? await registry.getKamer(kamer.zvhId) : undefined;
  const deciders = await registry.listDecisionMakers(kamer.id);
  const zvhDeciders = zvh && reachedZvh(casus) ? await registry.listDecisionMakers(zvh.id) : [];
  const refreshUserIds = [
    ...new Set([casus.createdBy.id, ...deciders.map((p) => p.id), ...zvhDeciders.map((p) => p.id)]),
  ];
  return { kamer, zvh, refreshUserIds, ...extra };
}
