import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type InvokeResponse,
} from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../src/logging/logger';
import type { AdaptiveCardJson } from './cards/card-template';
import { channelPlaceOf } from './channel-place';
import { isPersonalChat } from './chat-kind';
import {
  cardInvokeResponse,
  dialogMessageResponse,
  messageInvokeResponse,
  unsupportedInvokeResponse,
} from './invoke-responses';
import type { SigningDialog } from './dialogs/signing-dialog';
import type { ChannelLifecycle } from './notifications/channel-lifecycle';
import type { PersonalChats } from './personal-chats';
import type { Dispatcher, Sender } from './routing/dispatcher';
import { addedToTeamCard } from './routing/channel-commands';
import { loggedName } from './routing/logged-name';

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
    private readonly chats: PersonalChats,
    private readonly logger: Logger,
    /** The invitee's signing dialog (`task/fetch`, `task/submit`); none: dialogs answer a message. */
    private readonly signingDialog?: SigningDialog,
    /** Linked channels lost with the bot's removal or a deletion; none: such events are ignored. */
    channels?: ChannelLifecycle,
  ) {
    super();
    if (channels) this.followChannels(channels);

    this.onMessage(async (context, next) => {
      const logger = this.turnLogger(context);
      const submitted = submitValueSchema.safeParse(context.activity.value);
      const card = submitted.success
        ? await this.dispatcher.onVerb(
            this.senderOf(context),
            submitted.data.verb,
            submitted.data,
            logger,
          )
        : await this.dispatcher.onText(this.senderOf(context), messageText(context), logger);
      await reply(context, card, logger);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const { membersAdded = [], recipient } = context.activity;
      // Greet once, when the bot itself joins a personal chat or a team (app install).
      if (membersAdded.some((m) => m.id === recipient.id)) {
        const logger = this.turnLogger(context);
        if (isPersonalChat(context.activity)) {
          const card = await this.dispatcher.onText(this.senderOf(context), 'help', logger);
          await reply(context, card, logger);
        } else if (context.activity.conversation?.conversationType === 'channel') {
          await reply(context, addedToTeamCard(), logger);
        }
      }
      await next();
    });
  }

  /**
   * Every invoke gets an answer the client understands: card buttons their card, the signing
   * dialog its page or a message, anything else a clear refusal instead of botbuilder's 501.
   * The dialog does not go through the registry: the invitee is no registry person, and is
   * recognised by the Entra object id on their invitation.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const logger = this.turnLogger(context);
    const name = context.activity.name ?? '';
    if (name === 'adaptiveCard/action') {
      const sender = this.senderOf(context);
      const parsed = executeValueSchema.safeParse(context.activity.value);
      const { verb, data = {} } = parsed.success ? parsed.data.action : { verb: '' };
      // A channel's button answers with a message: the channel's card stays as everyone sees it.
      const message = await this.dispatcher.onChannelVerb(sender, verb, data, logger);
      if (message !== undefined) return messageInvokeResponse(message);
      return cardInvokeResponse(await this.dispatcher.onVerb(sender, verb, data, logger));
    }
    if ((name === 'task/fetch' || name === 'task/submit') && this.signingDialog) {
      const sender = {
        aadObjectId: context.activity.from?.aadObjectId,
        personal: isPersonalChat(context.activity),
      };
      try {
        return name === 'task/fetch'
          ? await this.signingDialog.fetch(sender, context.activity.value, logger)
          : await this.signingDialog.submit(sender, context.activity.value, logger);
      } catch (error) {
        logger.error({ err: error }, 'signing dialog failed');
        return dialogMessageResponse(
          'casusbot kan dit nu even niet verwerken. Probeer het over enkele minuten opnieuw.',
        );
      }
    }
    logger.warn({ invoke: loggedName(name) }, 'unsupported invoke');
    return name.startsWith('task/')
      ? dialogMessageResponse('Deze actie bestaat niet (meer) in casusbot.')
      : unsupportedInvokeResponse();
  }

  /**
   * Teams says when the bot leaves a team (uninstalled, or removed as a member) and when a channel
   * or team is deleted: the links there go, and whoever linked them is told.
   */
  private followChannels(channels: ChannelLifecycle): void {
    const teamOf = (context: TurnContext) =>
      (context.activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
    this.onInstallationUpdateRemove(async (context, next) => {
      const teamId = teamOf(context);
      if (typeof teamId === 'string') await channels.lost({ teamId }, 'bot-removed');
      await next();
    });
    this.onTeamsMembersRemovedEvent(async (removed, team, context, next) => {
      const botLeft = removed.some((member) => member.id === context.activity.recipient?.id);
      if (botLeft && team?.id) await channels.lost({ teamId: team.id }, 'bot-removed');
      await next();
    });
    this.onTeamsChannelDeletedEvent(async (channel, _team, _context, next) => {
      if (channel?.id) await channels.lost({ channelId: channel.id }, 'channel-deleted');
      await next();
    });
    this.onTeamsTeamDeletedEvent(async (team, _context, next) => {
      if (team?.id) await channels.lost({ teamId: team.id }, 'team-deleted');
      await next();
    });
  }

  private senderOf(context: TurnContext): Sender {
    const { activity } = context;
    const personal = isPersonalChat(activity);
    const aadObjectId = activity.from?.aadObjectId;
    const channel = personal ? undefined : channelPlaceOf(activity);
    return {
      aadObjectId,
      activityId: activity.id,
      chat: personal ? 'personal' : 'shared',
      ...(channel && { channel }),
      remember:
        personal && aadObjectId
          ? (personId = aadObjectId) => this.chats.remember(personId, activity)
          : undefined,
    };
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

/**
 * Sends the answer into the chat. A connector that refuses or does not answer in time is the
 * channel's failure, not a bug: logged, and the turn ends normally.
 */
async function reply(context: TurnContext, card: AdaptiveCardJson, logger: Logger): Promise<void> {
  try {
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  } catch (error) {
    logger.warn({ err: error }, 'reply not delivered');
  }
}

/** The typed text without an @mention of the bot, which Teams allows in a personal chat too. */
function messageText(context: TurnContext): string {
  // botbuilder assumes a text wherever a mention is (a card submit has a value and no text).
  if (typeof context.activity.text !== 'string') return '';
  return TurnContext.removeRecipientMention(context.activity) ?? context.activity.text;
}
