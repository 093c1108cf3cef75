import type { ChannelLinks } from '../../src/app/channel/channel-links';
import type { ConversationDirectory } from '../../src/app/notifications/conversation-directory';
import type { ChannelLink } from '../../src/domain/channel/channel-link';
import type { RegistryRepository } from '../../src/domain/registry/registry.repository';
import type { Logger } from '../../src/logging/logger';
import { errorCard } from '../cards/error.card';
import { formatDate } from '../presenters/casus-status';
import type { CardPoster } from './card-poster';

/** Why a channel no longer gets the bot's posts, as its linker reads it. */
export type ChannelLoss = 'bot-removed' | 'channel-deleted' | 'team-deleted' | 'writes-refused';

const lossTexts: Record<ChannelLoss, string> = {
  'bot-removed': 'casusbot is uit het team verwijderd',
  'channel-deleted': 'Het kanaal is verwijderd',
  'team-deleted': 'Het team is verwijderd',
  'writes-refused': 'Teams weigert berichten van casusbot in het kanaal',
};

/**
 * What happens when a linked channel is lost: the link goes (or stays, marked broken, when a post
 * was refused) and whoever linked it hears so in their personal chat, with how to link another.
 */
export class ChannelLifecycle {
  constructor(
    private readonly deps: {
      channelLinks: ChannelLinks;
      registry: RegistryRepository;
      conversations: ConversationDirectory;
      poster: CardPoster;
      logger: Logger;
    },
  ) {}

  /** The bot left a team, or a channel or team was deleted: their links are removed. Never throws. */
  async lost(place: { channelId: string } | { teamId: string }, loss: ChannelLoss): Promise<void> {
    try {
      for (const stored of await this.deps.channelLinks.findIn(place)) {
        if (!(await this.deps.channelLinks.remove(stored))) continue; // relinked meanwhile
        this.deps.logger.info({ kamerId: stored.link.kamerId, loss }, 'channel link removed');
        await this.tellLinker(stored.link, loss);
      }
    } catch (error) {
      this.deps.logger.error({ err: error, loss }, 'lost channel not handled');
    }
  }

  /** Tells the person who linked the channel. Never throws: the link's fate is already written. */
  async tellLinker(link: ChannelLink, loss: ChannelLoss): Promise<void> {
    try {
      const [kamer, reference] = await Promise.all([
        this.deps.registry.getKamer(link.kamerId),
        this.deps.conversations.get(link.linkedBy.id),
      ]);
      if (!kamer || !reference) {
        this.deps.logger.warn({ kamerId: link.kamerId }, 'linker of a lost channel not reachable');
        return;
      }
      const card = errorCard.render({
        title: 'Kanaal ontkoppeld',
        tone: 'Warning',
        message: `${lossTexts[loss]}. Het kanaal dat je op ${formatDate(link.linkedAt)} aan ${kamer.name} koppelde, krijgt daarom geen berichten van casusbot meer.`,
        notes: [`Koppel een ander kanaal: typ daar @casusbot koppel ${kamer.code}.`],
      });
      await this.deps.poster.post(reference, `kanaal:${link.kamerId}`, card);
    } catch (error) {
      this.deps.logger.warn({ err: error, kamerId: link.kamerId }, 'linker not told');
    }
  }
}
