import { z } from 'zod';
import type { CasusServices } from '../../src/app/casus/casus-access';
import { openCasusById } from '../../src/app/casus/open-casus';
import { recorderFor, type AccessRecording } from '../../src/app/access/access-recorder';
import { identifyActor, type Actor } from '../../src/app/identify-actor';
import type { DownloadLinks } from '../../src/app/links/download-links';
import type { ConversationDirectory } from '../../src/app/notifications/conversation-directory';
import type { Logger } from '../../src/logging/logger';
import { StoreUnavailableError } from '../../src/storage/cosmos-errors';
import type { CardPoster } from '../notifications/card-poster';
import { personalChatOf } from '../notifications/recipients';
import { casusCardAs } from './handlers/casus-cards';

/** The button on a casus's root card in a kamer's channel (cards/channel-thread.json). */
export const OPEN_IN_CHAT_VERB = 'kanaal.open';

const openDataSchema = z.object({ casusId: z.uuid() });

/**
 * What the presser reads. The refusal is one text for every reason (a stranger, another kamer, a
 * casus that does not exist, a forged id): whether a casus exists and who may see it is itself
 * information, and a channel card tells nobody more than its number.
 */
export const channelVerbTexts = {
  opened: 'De casus staat nu in je persoonlijke chat met casusbot.',
  refused:
    'Dit kan niet vanuit dit kanaal. Vraag de procesregisseur om toegang als je deze casus moet zien.',
  noPersonalChat:
    'casusbot heeft nog geen persoonlijke chat met jou. Open eerst een chat met casusbot (in Teams bij Apps) en typ help; druk daarna opnieuw op Open in mijn chat.',
  later: 'casusbot kan dit nu even niet verwerken. Probeer het later opnieuw.',
} as const;

export interface ChannelVerbServices extends Omit<CasusServices, 'access'>, AccessRecording {
  conversations: ConversationDirectory;
  /** The dossier link on the card it posts, for a presser who may export it. */
  downloads: DownloadLinks;
  poster: Pick<CardPoster, 'post'>;
  demoMode: boolean;
}

/**
 * The buttons on the cards the bot posts in a channel. Their answer is a short text for the
 * presser, never a card: a card answer would replace the channel's card for everyone, and casus
 * content belongs only in the personal chat of whoever may see it.
 */
export class ChannelVerbs {
  constructor(private readonly services: ChannelVerbServices) {}

  /** The text for the presser, or undefined when the verb is none of the channel's. */
  async onVerb(
    sender: { aadObjectId: string | undefined },
    verb: string,
    data: unknown,
    logger: Logger,
  ): Promise<string | undefined> {
    if (verb !== OPEN_IN_CHAT_VERB) return undefined;
    try {
      return await this.openInChat(sender.aadObjectId, data, logger);
    } catch (error) {
      if (error instanceof StoreUnavailableError) {
        logger.error({ err: error.cause }, 'store unavailable');
      } else {
        logger.error({ err: error }, 'open in personal chat failed');
      }
      return channelVerbTexts.later;
    }
  }

  /**
   * Store calls: the registry reads that identify the presser, one casus read and its kamer; only
   * for whoever may see it, one conversation read and the card's registry reads. No write.
   */
  private async openInChat(
    aadObjectId: string | undefined,
    data: unknown,
    logger: Logger,
  ): Promise<string> {
    const parsed = openDataSchema.safeParse(data);
    if (!parsed.success) {
      logger.warn('open in personal chat: invalid card data');
      return channelVerbTexts.refused;
    }
    const { services } = this;
    const identification = await identifyActor(services.registry, aadObjectId, {
      demoMode: services.demoMode,
      today: services.now().toISOString().slice(0, 10),
    });
    if (!identification.ok) {
      logger.warn('open in personal chat by someone without access');
      return channelVerbTexts.refused;
    }
    const { actor } = identification;
    const access = recorderFor(services, logger, actor, OPEN_IN_CHAT_VERB);
    try {
      return await this.postToChat({ ...services, access }, actor, parsed.data.casusId, logger);
    } finally {
      await access.settled();
    }
  }

  private async postToChat(
    services: ChannelVerbServices & CasusServices,
    actor: Actor,
    casusId: string,
    logger: Logger,
  ): Promise<string> {
    const opened = await openCasusById(services, actor, casusId);
    if (!opened.ok) {
      logger.info({ refusal: opened.error.kind }, 'open in personal chat refused');
      return channelVerbTexts.refused;
    }
    const { casus, kamer } = opened.value;
    // In demo mode a played role's notifications reach the player's chat, kept under the role.
    const chat = await personalChatOf(services.conversations, actor.person.id);
    if (!chat) {
      logger.info({ casusId: casus.id }, 'open in personal chat: no personal chat known');
      return channelVerbTexts.noPersonalChat;
    }
    const card = await casusCardAs(services, actor, casus, kamer);
    const posted = await services.poster.post(chat, casus.id, card);
    if (posted.ok) {
      logger.info({ casusId: casus.id }, 'casus opened in personal chat from a channel');
      return channelVerbTexts.opened;
    }
    if (posted.permanent) {
      // The bot blocked or the chat gone: only a new chat with the bot helps.
      logger.warn({ casusId: casus.id, status: posted.status }, 'personal chat refuses cards');
      return channelVerbTexts.noPersonalChat;
    }
    return channelVerbTexts.later;
  }
}
