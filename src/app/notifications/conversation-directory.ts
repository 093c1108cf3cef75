/**
 * Where the bot can reach each user proactively: the conversation reference of their personal chat,
 * kept from their first contact or the app install. Opaque here; the Teams adapter gives it shape.
 */
export interface ConversationDirectory {
  get(userId: string): Promise<unknown>;
  save(userId: string, reference: unknown): Promise<void>;
}
