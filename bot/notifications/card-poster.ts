import { CardFactory, MessageFactory, type CloudAdapter } from 'botbuilder';
import type { Logger } from '../../src/logging/logger';
import type { AdaptiveCardJson } from '../cards/card-template';
import type { ChatReference } from './recipients';

/** Posts cards into personal chats proactively, as the bot. */
export class CardPoster {
  constructor(
    private readonly deps: {
      adapter: CloudAdapter;
      /** The bot's app id ('' when anonymous, as with the local client). */
      appId: string;
      logger: Logger;
    },
  ) {}

  /**
   * Sends a card into the chat, or replaces the earlier copy `replace`. Resolves with the activity
   * id, or undefined when it failed (to be retried by a later delivery).
   */
  async post(
    chat: ChatReference,
    casusId: string,
    content: AdaptiveCardJson,
    replace?: string,
  ): Promise<string | undefined> {
    const card = CardFactory.adaptiveCard(content);
    let activityId: string | undefined;
    try {
      await this.deps.adapter.continueConversationAsync(this.deps.appId, chat, async (context) => {
        if (replace) {
          await context.updateActivity({ ...MessageFactory.attachment(card), id: replace });
          activityId = replace;
        } else {
          activityId = (await context.sendActivity(MessageFactory.attachment(card)))?.id;
        }
      });
      return activityId;
    } catch (error) {
      this.deps.logger.warn({ err: error, casusId }, 'casus card not delivered; will retry');
      return undefined;
    }
  }
}
