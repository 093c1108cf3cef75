import { TurnContext, type Activity } from 'botbuilder';
import type { ChannelPlace } from '../src/domain/channel/channel-link';

interface TeamsChannelData {
  team?: { id?: unknown };
  channel?: { id?: unknown };
}

/**
 * The team channel an activity comes from, with the reference the bot posts new threads with: the
 * channel's own conversation (a reply in a thread arrives as `<channel>;messageid=<root>`), and
 * no activity to reply to. Undefined outside a team channel.
 */
export function channelPlaceOf(activity: Activity): ChannelPlace | undefined {
  const channelData = activity.channelData as TeamsChannelData | undefined;
  const channelId = channelData?.channel?.id;
  if (typeof channelId !== 'string' || channelId.length === 0 || channelId.length > 500) {
    return undefined;
  }
  const teamId = channelData?.team?.id;
  const reference = TurnContext.getConversationReference(activity);
  delete reference.activityId;
  return {
    channelId,
    teamId: typeof teamId === 'string' && teamId.length <= 500 ? teamId : undefined,
    reference: {
      ...reference,
      conversation: { ...reference.conversation, id: channelId, isGroup: true },
    },
  };
}
