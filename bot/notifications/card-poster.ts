import { CardFactory, MessageFactory, type CloudAdapter } from 'botbuilder';
import type { Logger } from '../../src/logging/logger';
import type { AdaptiveCardJson } from '../cards/card-template';
import { inProactiveTurn } from './proactive-turn';
import type { ChatReference } from './recipients';

/**
 * What became of one card: posted (with its activity id), refused for good (`permanent`: the user
 * blocked the bot, the conversation or the message is gone) or failed for now (throttled, the
 * connector unavailable or too slow), to be tried again by a later delivery.
 */
export type PostResult =
  | { ok: true; activityId: string }
  | { ok: false; permanent: true; status: number }
  | { ok: false; permanent: false };

/**
 * The connector's answers that no retry changes: 403 (BotBlocked, the app removed) and 404 (the
 * conversation or the activity no longer exists). 429, 5xx and time-outs pass.
 */
const PERMANENT_STATUSES: readonly number[] = [403, 404];

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

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

  /** Sends a card into the chat, or replaces the earlier copy `replace`. Never throws. */
  async post(
    chat: ChatReference,
    casusId: string,
    content: AdaptiveCardJson,
    replace?: string,
  ): Promise<PostResult> {
    const card = CardFactory.adaptiveCard(content);
    let id: string | undefined;
    try {
      id = await inProactiveTurn(this.deps.adapter, this.deps.appId, chat, async (context) => {
        if (!replace) return (await context.sendActivity(MessageFactory.attachment(card)))?.id;
        await context.updateActivity({ ...MessageFactory.attachment(card), id: replace });
        return replace;
      });
    } catch (error) {
      const status = statusOf(error);
      if (status !== undefined && PERMANENT_STATUSES.includes(status)) {
        // The caller ends this recipient's delivery and says so; the error carries the request.
        return { ok: false, permanent: true, status };
      }
      this.deps.logger.warn({ err: error, casusId }, 'casus card not delivered; will retry');
      return { ok: false, permanent: false };
    }
    if (id) return { ok: true, activityId: id };
    this.deps.logger.warn({ casusId }, 'casus card sent without an id; will retry');
    return { ok: false, permanent: false };
  }
}
