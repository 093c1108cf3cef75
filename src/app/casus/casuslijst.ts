import { isOpen } from '../../domain/casus/casus-machine';
import { casusStateSchema, type CasusState } from '../../domain/casus/casus.schema';
import { prioritise, type RankedCasus } from '../../domain/casus/prioritisation';
import type { Kamer } from '../../domain/registry/registry.schema';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';
import type { CasusServices } from './casus-access';

export interface KamerList {
  kamer: Kamer;
  ranked: RankedCasus[];
  /** The store had more open casussen than one list reads: the ranking covers the first ones. */
  truncated: boolean;
}

/**
 * The most open casussen one list ranks. Ranking needs every row (the score changes by the day, so
 * the store cannot sort on it); a row is about 300 bytes, so this is one answer of ~300 KB at most.
 */
export const CASUSLIJST_MAX_ROWS = 1000;

/** What a ZVH's list holds: the casussen escalated to it, asked or accepted. */
const atZvh: readonly CasusState[] = ['opschaling_aangevraagd', 'in_behandeling_zvh'];
const open = casusStateSchema.options.filter(isOpen);

/** The kamers where the actor decides (procesregisseur or weegtafel of an overheidsdeelnemer). */
export function decisionKamerIds(actor: Actor): string[] {
  if (actor.organisation.category !== 'overheidsdeelnemer') return [];
  return [
    ...new Set(actor.person.roles.flatMap((role) => ('kamerId' in role ? [role.kamerId] : []))),
  ];
}

/**
 * "casuslijst": for each kamer where the actor decides, its open casussen in the order of that
 * kamer's prioritisation criteria, one store query per kamer whatever its size. A Lokale Kamer's
 * list keeps the casussen it escalated (they are still its casussen, "bij het ZVH"); a ZVH's list
 * holds those escalated to it from its Lokale Kamers. `onlyKamerId` narrows it to one kamer (paging).
 */
export async function casuslijst(
  services: CasusServices,
  actor: Actor,
  onlyKamerId?: string,
): Promise<Result<KamerList[], 'no-decision-role'>> {
  const kamerIds = decisionKamerIds(actor).filter((id) => !onlyKamerId || id === onlyKamerId);
  if (kamerIds.length === 0) return fail('no-decision-role');
  const all = await services.registry.listKamers();
  const lists: KamerList[] = [];
  for (const kamerId of kamerIds) {
    const kamer = all.find((k) => k.id === kamerId);
    if (!kamer) continue;
    const sources =
      kamer.type === 'lokale-kamer'
        ? [kamer.id]
        : all.filter((k) => k.type === 'lokale-kamer' && k.zvhId === kamer.id).map((k) => k.id);
    const rows = await services.casussen.listOpenRows(
      sources,
      kamer.type === 'lokale-kamer' ? open : atZvh,
      CASUSLIJST_MAX_ROWS,
    );
    lists.push({
      kamer,
      ranked: prioritise(rows, kamer.prioritisation, services.now()),
      truncated: rows.length >= CASUSLIJST_MAX_ROWS,
    });
  }
  return ok(lists);
}
