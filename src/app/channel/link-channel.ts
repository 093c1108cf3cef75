import {
  kamerNamed,
  mayLinkChannel,
  type ChannelLink,
  type ChannelPlace,
} from '../../domain/channel/channel-link';
import type { Kamer } from '../../domain/registry/registry.schema';
import type { RegistryRepository } from '../../domain/registry/registry.repository';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';
import type { ChannelLinks } from './channel-links';

/** The roles that may link some kamer's channel (`mayLinkChannel` says which). */
const LINKING_ROLES: readonly string[] = ['functioneel-beheerder', 'procesregisseur'];

export interface ChannelServices {
  registry: RegistryRepository;
  channelLinks: ChannelLinks;
  now(): Date;
}

export type LinkRefusal =
  /** Not a beheerder or procesregisseur of the kamer: said without naming anyone or anything. */
  | { kind: 'not-allowed' }
  /** No kamer by that name; the kamers the actor may link, to choose from. */
  | { kind: 'unknown-kamer'; choices: Kamer[] };

/**
 * `koppel <kamer>` in a channel: the kamer's casussen get their threads here from now on. A link
 * the kamer had elsewhere is replaced (one channel per kamer), and returned so the answer can say so.
 */
export async function linkChannel(
  services: ChannelServices,
  actor: Actor,
  typedKamer: string,
  place: ChannelPlace,
): Promise<Result<{ link: ChannelLink; kamer: Kamer; replaced: boolean }, LinkRefusal>> {
  const kamers = await services.registry.listKamers();
  const choices = kamers.filter((kamer) => mayLinkChannel(actor, kamer.id));
  // Someone who may link nothing learns nothing, not even which kamers exist.
  if (choices.length === 0) return fail({ kind: 'not-allowed' });
  const kamer = kamerNamed(kamers, typedKamer);
  if (!kamer) return fail({ kind: 'unknown-kamer', choices });
  if (!mayLinkChannel(actor, kamer.id)) return fail({ kind: 'not-allowed' });
  const previous = await services.channelLinks.get(kamer.id);
  const link: ChannelLink = {
    kamerId: kamer.id,
    channelId: place.channelId,
    ...(place.teamId !== undefined && { teamId: place.teamId }),
    reference: place.reference,
    linkedBy: { id: actor.person.id, name: actor.person.name },
    linkedAt: services.now().toISOString(),
  };
  await services.channelLinks.save(link);
  return ok({
    link,
    kamer,
    replaced: previous !== undefined && previous.channelId !== place.channelId,
  });
}

/**
 * `ontkoppel` in a channel: the links of this channel that the actor may undo. Threads already
 * started stay as they are; no new posts come here.
 */
export async function unlinkChannel(
  services: ChannelServices,
  actor: Actor,
  place: Pick<ChannelPlace, 'channelId'>,
): Promise<Result<{ kamers: Kamer[] }, { kind: 'not-allowed' } | { kind: 'not-linked' }>> {
  if (!actor.person.roles.some(({ role }) => LINKING_ROLES.includes(role))) {
    return fail({ kind: 'not-allowed' });
  }
  const found = await services.channelLinks.findIn({ channelId: place.channelId });
  const mine = found.filter(({ link }) => mayLinkChannel(actor, link.kamerId));
  if (mine.length === 0) return fail({ kind: found.length === 0 ? 'not-linked' : 'not-allowed' });
  const kamers: Kamer[] = [];
  for (const stored of mine) {
    if (!(await services.channelLinks.remove(stored))) continue;
    const kamer = await services.registry.getKamer(stored.link.kamerId);
    if (kamer) kamers.push(kamer);
  }
  if (kamers.length === 0) return fail({ kind: 'not-linked' });
  return ok({ kamers });
}
