import { TurnContext, type Activity } from 'botbuilder';
import type { ConversationDirectory } from '../src/app/notifications/conversation-directory';

/**
 * Where each registry person can be reached proactively: the reference of their personal chat.
 * The directory keeps what it read or stored in memory (CachedConversationDirectory), so a turn
 * neither reads nor writes the store when the chat is as it was.
 */
export class PersonalChats {
  constructor(private readonly directory: ConversationDirectory) {}

  async remember(personId: string, activity: Partial<Activity>): Promise<void> {
    const reference = TurnContext.getConversationReference(activity);
    const stored = (await this.directory.get(personId)) as Partial<typeof reference> | undefined;
    const same =
      stored?.serviceUrl === reference.serviceUrl &&
      stored?.conversation?.id === reference.conversation?.id;
    if (!same) await this.directory.save(personId, JSON.parse(JSON.stringify(reference)));
  }
}
