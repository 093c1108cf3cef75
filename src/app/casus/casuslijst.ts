import { prioritise, type RankedCasus } from '../../domain/casus/prioritisation';
import type { Kamer } from '../../domain/registry/registry.schema';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';
import type { CasusServices } from './casus-access';

export interface KamerList {
  kamer: Kamer;
  ranked: RankedCasus[];
}

const atZvh = new Set(['opschaling_aangevraagd', 'in_behandeling_zvh']);

/**
 * "casuslijst": for each kamer where the actor decides (procesregisseur or weegtafel of an
 * overheidsdeelnemer), its open casussen in the order of that kamer's prioritisation criteria.
 * A ZVH's list holds the casussen escalated to it from its Lokale Kamers.
 */
export async function casuslijst(
  services: CasusServices,
  actor: Actor,
): Promise<Result<KamerList[], 'no-decision-role'>> {
  const kamerIds =
    actor.organisation.category === 'overheidsdeelnemer'
      ? [
          ...new Set(
            actor.person.roles.flatMap((role) => ('kamerId' in role ? [role.kamerId] : [])),
          ),
        ]
      : [];
  if (kamerIds.length === 0) return fail('no-decision-role');
  const all = await services.registry.listKamers();
  const lists: KamerList[] = [];
  for (const kamerId of kamerIds) {
    const kamer = all.find((k) => k.id === kamerId);
    if (!kamer) continue;
    const casussen =
      kamer.type === 'lokale-kamer'
        ? (await services.casussen.listOpenInKamer(kamer.id)).filter((c) => !atZvh.has(c.state))
        : (
            await Promise.all(
              all
                .filter((k) => k.type === 'lokale-kamer' && k.zvhId === kamer.id)
                .map((k) => services.casussen.listOpenInKamer(k.id)),
            )
          )
            .flat()
            .filter((c) => atZvh.has(c.state));
    lists.push({ kamer, ranked: prioritise(casussen, kamer.prioritisation, services.now()) });
  }
  return ok(lists);
}
