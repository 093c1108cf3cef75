import type { ChannelLink } from '../../domain/channel/channel-link';

export interface StoredChannelLink {
  link: ChannelLink;
  etag: string;
}

/**
 * The port to the kamers' channel links: one per kamer, replaced by a new link. Removal events
 * name a channel or a team, so links are found by those too.
 */
export interface ChannelLinks {
  get(kamerId: string): Promise<ChannelLink | undefined>;
  save(link: ChannelLink): Promise<void>;
  /**
   * Marks the link broken if it is still this one (the same channel, linked at the same moment)
   * and not marked yet. Resolves false when it was linked anew, removed or marked meanwhile: a
   * refusal from the channel a kamer has left must not overwrite the link it has now.
   */
  markBroken(link: ChannelLink, broken: NonNullable<ChannelLink['broken']>): Promise<boolean>;
  /**
   * Removes the link as it was found (`etag`): a link made meanwhile in another channel (by
   * another instance, say) stays. Resolves false when it had changed or was gone.
   */
  remove(found: StoredChannelLink): Promise<boolean>;
  /** The links in a channel, or in any channel of a team. */
  findIn(place: { channelId: string } | { teamId: string }): Promise<StoredChannelLink[]>;
}
