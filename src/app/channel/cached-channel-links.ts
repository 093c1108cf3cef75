import type { ChannelLink } from '../../domain/channel/channel-link';
import type { ChannelLinks, StoredChannelLink } from './channel-links';

/**
 * The kamers' channel links, kept in memory after a read: every delivery of a casus step looks up
 * the link of its kamer, and links change a few times a year. A change through this instance
 * drops its entry at once; one made by another instance is seen here within `ttlMs` (until then
 * a step may still go to the channel the kamer just left, or not yet to the new one: the entry is
 * then done, as for a kamer without a channel).
 */
export class CachedChannelLinks implements ChannelLinks {
  private readonly entries = new Map<string, { link: ChannelLink | undefined; readAt: number }>();

  constructor(
    private readonly source: ChannelLinks,
    private readonly options: { ttlMs: number; clock(): number },
  ) {}

  async get(kamerId: string): Promise<ChannelLink | undefined> {
    const cached = this.entries.get(kamerId);
    if (cached && this.options.clock() - cached.readAt <= this.options.ttlMs) return cached.link;
    const readAt = this.options.clock();
    const link = await this.source.get(kamerId);
    this.entries.set(kamerId, { link, readAt });
    return link;
  }

  save(link: ChannelLink): Promise<void> {
    return this.changing(link.kamerId, () => this.source.save(link));
  }

  markBroken(link: ChannelLink, broken: NonNullable<ChannelLink['broken']>): Promise<boolean> {
    return this.changing(link.kamerId, () => this.source.markBroken(link, broken));
  }

  remove(found: StoredChannelLink): Promise<boolean> {
    return this.changing(found.link.kamerId, () => this.source.remove(found));
  }

  /** Forgets the kamer's entry once the write is done (a read meanwhile may have kept the old). */
  private async changing<T>(kamerId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.entries.delete(kamerId);
    }
  }

  findIn(place: { channelId: string } | { teamId: string }): Promise<StoredChannelLink[]> {
    return this.source.findIn(place);
  }
}
