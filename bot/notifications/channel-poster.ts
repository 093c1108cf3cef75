import {
  CardFactory,
  Channels,
  MessageFactory,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
} from 'botbuilder';
import type { RetryOptions } from '../../src/app/notifications/connector-retry';
import { pacedSend } from '../../src/app/notifications/paced-send';
import type { SendRateLimiter } from '../../src/app/notifications/send-rate-limiter';
import type { Logger } from '../../src/logging/logger';
import type { AdaptiveCardJson } from '../cards/card-template';
import { inProactiveTurn } from './proactive-turn';
import type { ChannelPostResult, ThreadPoster } from './thread-poster';

/** Tries per post within one delivery; what is still not through waits for the next delivery. */
const POST_ATTEMPTS = 4;
/** The first backoff (full jitter) after a 5xx or a time-out; it doubles per attempt. */
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8000;

type ChannelReference = Partial<ConversationReference> & {
  serviceUrl: string;
  conversation: { id: string; tenantId?: string };
};

const THREAD_SEPARATOR = ';messageid=';

const cardActivity = (card: AdaptiveCardJson) =>
  MessageFactory.attachment(CardFactory.adaptiveCard(card));

/**
 * Posts in a channel's threads as the bot, each request paced under Teams' limits per thread and
 * per tenant (one limiter per instance) and retried as `withRetries` does: on 429 after its
 * Retry-After, on 5xx and time-outs after a backoff with jitter, never past the delivery's time.
 * A 403 or 404 is permanent: the channel refuses the bot. Never throws.
 */
export class ChannelPoster implements ThreadPoster {
  constructor(
    private readonly deps: {
      adapter: CloudAdapter;
      appId: string;
      limiter: SendRateLimiter;
      /** When the delivery must be done: no attempt starts after it. */
      deadlineAt(): number;
      logger: Logger;
    },
  ) {}

  async start(channel: unknown, card: AdaptiveCardJson): Promise<ChannelPostResult> {
    const reference = channel as ChannelReference;
    const channelId = reference.conversation.id;
    return this.paced(channelId, async () => {
      let created: string | undefined;
      // Teams' documented way to start a thread; the new conversation is `<channel>;messageid=<root>`.
      await this.deps.adapter.createConversationAsync(
        this.deps.appId,
        Channels.Msteams,
        reference.serviceUrl,
        undefined as unknown as string, // the adapter's default audience, as TeamsInfo passes it
        {
          isGroup: true,
          bot: reference.bot as ConversationReference['bot'],
          channelData: { channel: { id: channelId } },
          activity: cardActivity(card) as Activity,
          ...(reference.conversation.tenantId && { tenantId: reference.conversation.tenantId }),
          members: [],
        },
        (context) => {
          created = context.activity.conversation.id;
          return Promise.resolve();
        },
      );
      const rootId = created?.split(THREAD_SEPARATOR)[1];
      if (!rootId) throw new Error('the new thread has no root id');
      return rootId;
    });
  }

  reply(channel: unknown, rootActivityId: string, card: AdaptiveCardJson) {
    const thread = threadOf(channel as ChannelReference, rootActivityId);
    return this.paced(thread.conversation.id, () =>
      inProactiveTurn(this.deps.adapter, this.deps.appId, thread, async (context) => {
        const sent = await context.sendActivity(cardActivity(card));
        if (!sent?.id) throw new Error('posted without an id');
        return sent.id;
      }),
    );
  }

  update(channel: unknown, rootActivityId: string, card: AdaptiveCardJson) {
    const thread = threadOf(channel as ChannelReference, rootActivityId);
    return this.paced(thread.conversation.id, () =>
      inProactiveTurn(this.deps.adapter, this.deps.appId, thread, async (context) => {
        await context.updateActivity({ ...cardActivity(card), id: rootActivityId });
        return rootActivityId;
      }),
    );
  }

  private async paced(key: string, send: () => Promise<string>): Promise<ChannelPostResult> {
    const options: RetryOptions = {
      maxAttempts: POST_ATTEMPTS,
      baseDelayMs: BASE_DELAY_MS,
      maxDelayMs: MAX_DELAY_MS,
      deadlineAt: this.deps.deadlineAt(),
      now: () => this.deps.limiter.now(),
      onThrottled: (retryAfterMs) =>
        this.deps.logger.warn({ retryAfterMs }, 'channel post throttled by Teams'),
    };
    const result = await pacedSend(this.deps.limiter, key, send, options);
    if (result.ok) return { ok: true, activityId: result.value };
    if (result.permanent) return { ok: false, permanent: true, status: result.status };
    this.deps.logger.warn(
      { err: result.error, attempts: result.attempts },
      'channel post not through; next delivery',
    );
    return { ok: false, permanent: false };
  }
}

/** The reference of a thread in the channel: its conversation is `<channel>;messageid=<root>`. */
function threadOf(channel: ChannelReference, rootActivityId: string): ChannelReference {
  return {
    ...channel,
    conversation: {
      ...channel.conversation,
      id: `${channel.conversation.id}${THREAD_SEPARATOR}${rootActivityId}`,
    },
  };
}
