import { z } from 'zod';
import type { Kamer, Organisation, Person } from '../registry/registry.schema';

/**
 * A kamer's Teams channel: where the bot starts a thread per casus. The reference is the
 * channel's conversation reference (opaque here, the Teams adapter gives it shape); the ids let
 * removal events find the link.
 */
export const channelLinkSchema = z.object({
  kamerId: z.string().min(1).max(100),
  channelId: z.string().min(1).max(500),
  teamId: z.string().min(1).max(500).optional(),
  reference: z.unknown(),
  /** Who linked it, told in their personal chat when the channel is lost. */
  linkedBy: z.object({ id: z.guid(), name: z.string().min(1).max(120) }),
  linkedAt: z.iso.datetime(),
  /**
   * The channel refused a post for good (403: the bot was removed, writes blocked): nothing is
   * sent there until it is linked again.
   */
  broken: z.object({ at: z.iso.datetime(), status: z.number().int() }).optional(),
});
export type ChannelLink = z.infer<typeof channelLinkSchema>;

/** Where a channel command was typed, as the Teams adapter reads it. */
export interface ChannelPlace {
  channelId: string;
  teamId: string | undefined;
  reference: unknown;
}

/**
 * Who may link a kamer's channel: a functioneel beheerder, or a procesregisseur of that kamer
 * (they answer for how the kamer works; a weegtafellid does not). A procesregisseur acts for the
 * overheidsdeelnemers (art. 2.27 WGS), so the role counts only for their personnel, as it does
 * for every decision.
 */
export function mayLinkChannel(
  actor: { person: Pick<Person, 'roles'>; organisation: Pick<Organisation, 'category'> },
  kamerId: string,
): boolean {
  const procesregisseur = actor.organisation.category === 'overheidsdeelnemer';
  return actor.person.roles.some(
    (role) =>
      role.role === 'functioneel-beheerder' ||
      (procesregisseur && role.role === 'procesregisseur' && role.kamerId === kamerId),
  );
}

/** The kamer a typed name means: its id, its code or its name, in any case. */
export function kamerNamed(kamers: readonly Kamer[], typed: string): Kamer | undefined {
  const wanted = typed.trim().toLowerCase();
  return kamers.find(
    (kamer) =>
      kamer.id === wanted ||
      kamer.code.toLowerCase() === wanted ||
      kamer.name.toLowerCase() === wanted,
  );
}
