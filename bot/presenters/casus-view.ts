import { loadCasusAudience, type CasusAudience } from '../../src/app/casus/casus-audience';
import type { Casus } from '../../src/domain/casus/casus.schema';
import type { RegistryRepository } from '../../src/domain/registry/registry.repository';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import type { CasusView } from './casus.presenter';

/** What a turn adds to the card: a notice, a refused draft, a confirmation to ask for. */
export type CasusViewExtra = Pick<
  CasusView,
  | 'notice'
  | 'draft'
  | 'confirm'
  | 'backTo'
  | 'invitationDraft'
  | 'invitationConfirm'
  | 'retentionDraft'
>;

/**
 * What a casus card needs from the registry: the ZVH, and who gets their own view on refresh
 * (only those who may see the casus now). Registry calls, side by side: the ZVH, and those of
 * `loadCasusAudience`.
 */
export async function loadCasusView(
  registry: RegistryRepository,
  casus: Casus,
  kamer: Kamer,
  extra: CasusViewExtra,
  today: string,
): Promise<CasusView> {
  return (await loadCasusViewWithAudience(registry, casus, kamer, today, extra)).view;
}

/** The same, with the audience it was made for: a delivery sends to those and no others. */
export async function loadCasusViewWithAudience(
  registry: RegistryRepository,
  casus: Casus,
  kamer: Kamer,
  today: string,
  extra: CasusViewExtra = {},
): Promise<{ view: CasusView; audience: CasusAudience }> {
  const [zvh, audience] = await Promise.all([
    kamer.type === 'lokale-kamer' ? registry.getKamer(kamer.zvhId) : Promise.resolve(undefined),
    loadCasusAudience(registry, casus, kamer, today),
  ]);
  const refreshUserIds = audience.members.map((member) => member.person.id);
  return { view: { kamer, zvh, refreshUserIds, ...extra }, audience };
}
