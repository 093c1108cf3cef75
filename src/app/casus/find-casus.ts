import { mayViewCasus } from '../../domain/casus/casus-audience';
import { isDecisionMaker } from '../../domain/registry/roles';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';
import type { BetrokkeneKeyer } from './betrokkene-key';
import { loadVisibleCasus, type CasusInKamer, type CasusServices } from './casus-access';

export interface FindServices extends CasusServices {
  betrokkeneKey: BetrokkeneKeyer;
}

/** More matches than this for one name and date of birth is not a search, it is a list. */
const MAX_MATCHES = 20;

/**
 * A casus by its number, for whoever may see it (the same check as "casus <nummer>"). What it
 * showed is recorded: the casus card (a view, or the refused one), or a search that found nothing.
 */
export async function findCasusByNumber(
  services: FindServices,
  actor: Actor,
  casusNumber: string,
): Promise<CasusInKamer | undefined> {
  const stored = await services.casussen.findByNumber(casusNumber.trim().toUpperCase());
  const found = await loadVisibleCasus(services, actor, stored);
  // A casus there but not for this actor is recorded as the refused view it was, not as a search.
  if (!stored || stored.value.state === 'concept') services.access.searched([]);
  return found.ok ? found.value : undefined;
}

/**
 * Deciders find casussen by betrokkene: name and date of birth, compared through their keyed hash
 * (never stored or indexed in clear). Only casussen the decider may see are returned, by the same
 * rule as everywhere (`mayViewCasus`); every search is recorded, also one that found nothing.
 */
export async function findCasussenByBetrokkene(
  services: FindServices,
  actor: Actor,
  betrokkene: { naam: string; geboortedatum: string },
): Promise<Result<CasusInKamer[], 'no-decision-role'>> {
  if (!isDecisionMaker(actor)) {
    services.access.record('search', undefined, 'refused');
    return fail('no-decision-role');
  }
  const key = services.betrokkeneKey(betrokkene.naam, betrokkene.geboortedatum);
  const [matches, kamers] = await Promise.all([
    services.casussen.findByBetrokkeneKey(key, MAX_MATCHES),
    services.registry.listKamers(),
  ]);
  const today = services.now().toISOString().slice(0, 10);
  const visible = matches.flatMap(({ value: casus, etag }) => {
    const kamer = kamers.find((k) => k.id === casus.kamerId);
    return kamer && mayViewCasus(actor, casus, kamer, today) ? [{ casus, etag, kamer }] : [];
  });
  services.access.searched(visible.map(({ casus }) => casus));
  return ok(visible);
}
