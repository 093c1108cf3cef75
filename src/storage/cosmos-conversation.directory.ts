import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import type { ConversationDirectory } from '../app/notifications/conversation-directory';
import { storeCall, storeCallExpecting } from './cosmos-errors';

const entrySchema = z.object({ id: z.string(), reference: z.unknown() });

/** Conversation references in Cosmos DB, one document per user (partition key = user id). */
export class CosmosConversationDirectory implements ConversationDirectory {
  constructor(private readonly container: Container) {}

  async get(userId: string): Promise<unknown> {
    const result = await storeCallExpecting(
      (options) => this.container.item(userId, userId).read(options),
      [404],
    );
    return result.ok && result.value.resource
      ? entrySchema.parse(result.value.resource).reference
      : undefined;
  }

  async save(userId: string, reference: unknown): Promise<void> {
    await storeCall((options) =>
      this.container.items.upsert(
        { id: userId, reference, updatedAt: new Date().toISOString() },
        options,
      ),
    );
  }
}
