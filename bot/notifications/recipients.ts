import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { Actor } from '../../src/app/identify-actor';
import type { ConversationDirectory } from '../../src/app/notifications/conversation-directory';
import type { AudienceMember } from '../../src/domain/casus/casus-audience';
import type { Logger } from '../../src/logging/logger';

const referenceSchema = z.looseObject({
  serviceUrl: z.string(),
  conversation: z.looseObject({ id: z.string() }),
});

export type ChatReference = Partial<ConversationReference>;

/** The personal chat the bot keeps for a person, or undefined when it has none it can post to. */
export async function personalChatOf(
  conversations: ConversationDirectory,
  personId: string,
): Promise<ChatReference | undefined> {
  const reference = referenceSchema.safeParse(await conversations.get(personId));
  // Stored from a real activity by the bot itself; the fields it needs are checked first.
  return reference.success ? (reference.data as unknown as ChatReference) : undefined;
}

/** Someone who may see the casus, in the view of their own registry entry, and their personal chat. */
export interface Recipient {
  viewer: Actor;
  reference: ChatReference;
}

/** A member of the audience as the viewer of their own card. */
export function viewerOf(member: AudienceMember): Actor {
  return {
    aadObjectId: member.person.id,
    person: member.person,
    organisation: member.organisation,
    viaDemoPersona: false,
  };
}

/**
 * The personal chats of one delivery: each person's is looked up once, though they may get a new
 * card and have old copies. Whether someone may be sent casus content is not decided here: the
 * audience says so, and `recipient` takes only its members.
 */
export class DeliveryChats {
  private readonly chats = new Map<string, Promise<ChatReference | undefined>>();

  constructor(
    private readonly conversations: ConversationDirectory,
    private readonly logger: Logger,
    private readonly casusId: string,
  ) {}

  /** The chat where an earlier copy of this person's card lives, to update it. */
  chatOf(personId: string): Promise<ChatReference | undefined> {
    let chat = this.chats.get(personId);
    if (!chat) {
      chat = this.lookUp(personId);
      this.chats.set(personId, chat);
    }
    return chat;
  }

  /** A member of the casus's audience whose personal chat the bot knows. */
  async recipient(member: AudienceMember): Promise<Recipient | undefined> {
    const reference = await this.chatOf(member.person.id);
    if (!reference) return undefined;
    return { viewer: viewerOf(member), reference };
  }

  private async lookUp(personId: string): Promise<ChatReference | undefined> {
    const reference = await personalChatOf(this.conversations, personId);
    if (!reference) {
      this.logger.info(
        { casusId: this.casusId, reason: 'no-conversation' },
        'recipient not reachable',
      );
    }
    return reference;
  }
}
