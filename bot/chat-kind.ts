import type { Activity } from 'botbuilder';

/**
 * A chat is personal only if every field says so: a conversation that calls itself personal but
 * is a group, or sits in a team or channel, is shared. Everyone there would read casus content,
 * and a notification sent there would reach them all.
 */
export function isPersonalChat(activity: Pick<Activity, 'conversation' | 'channelData'>): boolean {
  const { conversation } = activity;
  const channelData = activity.channelData as { team?: unknown; channel?: unknown } | undefined;
  return (
    conversation?.conversationType === 'personal' &&
    conversation.isGroup !== true &&
    channelData?.team === undefined &&
    channelData?.channel === undefined
  );
}
