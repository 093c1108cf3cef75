import { TurnContext, type Activity } from 'botbuilder';
import type { ConversationDirectory } from '../src/app/notifications/conversation-directory';

/** Enough for every user of a region; beyond it the oldest are simply read again. */
const REMEMBERED = 10_000;

/**
 * Where each registry person can be reached proactively: the reference of their personal chat.
 * This instance remembers what it stored, so a turn neither reads nor writes the store when the
 * chat is as it was; another instance learns it at its first turn with that person.
 */
export class PersonalChats {
  private readonly known = new Map<string, string>();

  constructor(private readonly directory: ConversationDirectory) {}

  async remember(personId: string, activity: Partial<Activity>): Promise<void> {
    const reference = TurnContext.getConversationReference(activity);
    const key = `${reference.serviceUrl ?? ''} ${reference.conversation?.id ?? ''}`;
    if (this.known.get(personId) === key) return;
    const stored = (await this.directory.get(personId)) as Partial<typeof reference> | undefined;
    if (`${stored?.serviceUrl ?? ''} ${stored?.conversation?.id ?? ''}` !== key) {
      await this.directory.save(personId, JSON.parse(JSON.stringify(reference)));
    }
    this.known.delete(personId);
    this.known.set(personId, key);
    if (this.known.size > REMEMBERED) this.known.delete(this.known.keys().next().value ?? '');
  }
}
