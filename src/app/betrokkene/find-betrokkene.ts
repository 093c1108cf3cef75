import type { Versioned } from '../../domain/casus/casus.repository';
import type { Casus } from '../../domain/casus/casus.schema';
import type { Kamer } from '../../domain/registry/registry.schema';
import { isContactpunt } from '../../domain/registry/roles';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { AccessRecorder } from '../access/access-recorder';
import type { BetrokkeneKeyer, BsnKeyer } from '../casus/betrokkene-key';
import type { CasusServices } from '../casus/casus-access';
import type { Actor } from '../identify-actor';

export interface BetrokkeneServices extends CasusServices {
  betrokkeneKey: BetrokkeneKeyer;
  bsnKey: BsnKeyer;
}

/** A betrokkene as the contactpunt asks for them: by BSN, by name and date of birth, or both. */
export interface BetrokkeneQuery {
  bsn?: string;
  naam?: string;
  geboortedatum?: string;
}

/**
 * The betrokkene as their search keys: what a download link and a later step carry instead of the
 * BSN or the name, which must not appear in a token anyone holding it can read.
 */
export interface BetrokkeneKeys {
  bsnKey?: string;
  betrokkeneKey?: string;
}

/** More casussen than this for one person is a question for the functioneel beheerder. */
export const MAX_CASUSSEN_OF_BETROKKENE = 50;

export type NotContactpunt = 'not-contactpunt';

export const keysOf = (services: BetrokkeneServices, query: BetrokkeneQuery): BetrokkeneKeys => ({
  ...(query.bsn ? { bsnKey: services.bsnKey(query.bsn) } : {}),
  ...(query.naam && query.geboortedatum
    ? { betrokkeneKey: services.betrokkeneKey(query.naam, query.geboortedatum) }
    : {}),
});

/** A casus of the betrokkene with its kamer. */
export interface CasusOfBetrokkene {
  casus: Casus;
  etag: string;
  kamer: Kamer;
}

/** Whether this actor may act as contactpunt; a refusal is recorded as what it was asked to do. */
export function asContactpunt(
  actor: Actor,
  access: AccessRecorder,
  what: 'search' | 'export' | 'change',
): Result<void, NotContactpunt> {
  if (isContactpunt(actor.person)) return ok(undefined);
  access.record(what, undefined, 'refused');
  return fail('not-contactpunt');
}

/**
 * Every submitted casus under these keys, across all kamers (the contactpunt answers for all
 * participants, BGS art. 1.1), newest first. Nothing is recorded here: the caller records what
 * it showed (a search, an export).
 */
export async function casussenUnderKeys(
  services: Pick<BetrokkeneServices, 'casussen' | 'registry'>,
  keys: BetrokkeneKeys,
): Promise<CasusOfBetrokkene[]> {
  const [byBsn, byName, kamers] = await Promise.all([
    keys.bsnKey
      ? services.casussen.findByBsnKey(keys.bsnKey, MAX_CASUSSEN_OF_BETROKKENE)
      : Promise.resolve([]),
    keys.betrokkeneKey
      ? services.casussen.findByBetrokkeneKey(keys.betrokkeneKey, MAX_CASUSSEN_OF_BETROKKENE)
      : Promise.resolve([]),
    services.registry.listKamers(),
  ]);
  // With a BSN, a namesake born the same day is someone else when their casus has another BSN:
  // a name match counts only for a casus without a BSN key (submitted before it, or without one).
  const namesakes = keys.bsnKey
    ? byName.filter(({ value }) => value.bsnKey === undefined || value.bsnKey === keys.bsnKey)
    : byName;
  const unique = new Map<string, Versioned<Casus>>();
  for (const found of [...byBsn, ...namesakes]) unique.set(found.value.id, found);
  return [...unique.values()]
    .flatMap(({ value: casus, etag }) => {
      const kamer = kamers.find((k) => k.id === casus.kamerId);
      return kamer && casus.state !== 'concept' ? [{ casus, etag, kamer }] : [];
    })
    .sort((a, b) =>
      (b.casus.submission?.submittedAt ?? '').localeCompare(a.casus.submission?.submittedAt ?? ''),
    );
}

/**
 * The contactpunt finds every casus of a betrokkene: by BSN, or by name and date of birth (both
 * through their keyed hash, never in clear), or both at once (casussen submitted before the BSN
 * key existed are found by name only). The search is recorded with every casus it showed.
 */
export async function findCasussenOfBetrokkene(
  services: BetrokkeneServices,
  actor: Actor,
  query: BetrokkeneQuery,
): Promise<Result<{ keys: BetrokkeneKeys; found: CasusOfBetrokkene[] }, NotContactpunt>> {
  const allowed = asContactpunt(actor, services.access, 'search');
  if (!allowed.ok) return allowed;
  const keys = keysOf(services, query);
  const found = await casussenUnderKeys(services, keys);
  services.access.searched(found.map(({ casus }) => casus));
  return ok({ keys, found });
}
