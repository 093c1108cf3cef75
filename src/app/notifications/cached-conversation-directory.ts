import type { ConversationDirectory } from './conversation-directory';

export interface ConversationCacheOptions {
  /** How long a reference read from the store (or its absence) is used without reading again. */
  ttlMs: number;
  maxEntries: number;
  /** Milliseconds, as `Date.now`. */
  clock(): number;
}

/**
 * Conversation references, kept in memory after a read and written through. A delivery reaches the
 * same few deciders again and again, and a reference changes only when its user talks to the bot
 * (saved here, by whichever instance served that turn): another instance may use the old one for
 * at most `ttlMs`. A user who never opened the chat is remembered as absent for as long.
 */
export class CachedConversationDirectory implements ConversationDirectory {
  private readonly entries = new Map<string, { reference: unknown; readAt: number }>();

  constructor(
    private readonly source: ConversationDirectory,
    private readonly options: ConversationCacheOptions,
  ) {}

  async get(userId: string): Promise<unknown> {
    const cached = this.entries.get(userId);
    if (cached && this.options.clock() - cached.readAt <= this.options.ttlMs) {
      this.keep(userId, cached.reference, cached.readAt);
      return cached.reference;
    }
    const readAt = this.options.clock();
    const reference = await this.source.get(userId);
    this.keep(userId, reference, readAt);
    return reference;
  }

  async save(userId: string, reference: unknown): Promise<void> {
    await this.source.save(userId, reference);
    this.keep(userId, reference, this.options.clock());
  }

  private keep(userId: string, reference: unknown, readAt: number): void {
    // Map order is insertion order: re-inserting makes it the newest, the first is the oldest.
    this.entries.delete(userId);
    this.entries.set(userId, { reference, readAt });
    if (this.entries.size > this.options.maxEntries)
      this.entries.delete(this.entries.keys().next().value ?? '');
  }
}
