import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import { z } from 'zod';
import type { ConversationDirectory } from '../src/app/notifications/conversation-directory';
import type { Logger } from '../src/logging/logger';
import type { AdaptiveCardJson } from './cards/card-template';
import type { Dispatcher, Sender } from './routing/dispatcher';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** An Action.Submit fallback carries the verb in its data, next to the fields. */
const submitValueSchema = z.looseObject({ verb: z.string().min(1).max(100) });
const executeValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.unknown().optional(),
  }),
});

/**
 * The Teams edge: turns activities into dispatcher calls and cards into replies. Stateless: all
 * state lives in the store, so any instance can serve any turn.
 */
export class CasusBot extends TeamsActivityHandler {
  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly conversations: ConversationDirectory,
    private readonly logger: Logger,
  ) {
    super();

    this.onTurn(async (context, next) => {
      try {
        await this.rememberPersonalChat(context);
      } catch (error) {
        // Only later notifications depend on it; the user still gets this turn's answer, which
        // says so itself when the store is down.
        this.turnLogger(context).warn({ err: error }, 'personal chat not remembered');
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      const logger = this.turnLogger(context);
      const submitted = submitValueSchema.safeParse(context.activity.value);
      const card = submitted.success
        ? await this.dispatcher.onVerb(
            senderOf(context),
            submitted.data.verb,
            submitted.data,
            logger,
          )
        : await this.dispatcher.onText(senderOf(context), messageText(context), logger);
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const { conversation, membersAdded = [], recipient } = context.activity;
      // Greet once, when the bot itself joins a personal chat (app install).
      if (
        conversation.conversationType === 'personal' &&
        membersAdded.some((m) => m.id === recipient.id)
      ) {
        const card = await this.dispatcher.onText(
          senderOf(context),
          'help',
          this.turnLogger(context),
        );
        await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      }
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const logger = this.turnLogger(context);
    const parsed = executeValueSchema.safeParse(invokeValue);
    const card: AdaptiveCardJson = parsed.success
      ? await this.dispatcher.onVerb(
          senderOf(context),
          parsed.data.action.verb,
          parsed.data.action.data ?? {},
          logger,
        )
      : await this.dispatcher.onVerb(senderOf(context), '', {}, logger);
    return { statusCode: 200, type: ADAPTIVE_CARD, value: card };
  }

  /**
   * Keeps where each user can be reached proactively (their personal chat), from the first
   * contact or the app install on; written only when it changed.
   */
  private async rememberPersonalChat(context: TurnContext): Promise<void> {
    const { activity } = context;
    const userId = activity.from?.aadObjectId;
    if (activity.conversation?.conversationType !== 'personal' || !userId) return;
    const reference = TurnContext.getConversationReference(activity);
    const known = (await this.conversations.get(userId)) as Partial<typeof reference> | undefined;
    if (
      known?.serviceUrl === reference.serviceUrl &&
      known?.conversation?.id === reference.conversation?.id
    )
      return;
    await this.conversations.save(userId, JSON.parse(JSON.stringify(reference)));
  }

  private turnLogger(context: TurnContext): Logger {
    const { activity } = context;
    return this.logger.child({
      activityId: activity.id,
      activityType: activity.type,
      conversationType: activity.conversation?.conversationType,
    });
  }
}

function senderOf(context: TurnContext): Sender {
  const { activity } = context;
  return {
    aadObjectId: activity.from?.aadObjectId,
    activityId: activity.id,
    chat: isSharedChat(activity.conversation) ? 'shared' : 'personal',
  };
}

/** Anything but a personal chat counts as shared: an unknown kind must not get casus content. */
function isSharedChat(conversation: TurnContext['activity']['conversation'] | undefined): boolean {
  return conversation?.conversationType !== 'personal' || conversation.isGroup === true;
}

/** The typed text without an @mention of the bot, which Teams allows in a personal chat too. */
function messageText(context: TurnContext): string {
  return TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
}
