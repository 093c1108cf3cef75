import type { Container } from '@azure/cosmos';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { writeAll } from './seed';

/**
 * Casussen in the store that a batch changes (one decision on each, four intake steps on each):
 * handed out once each, and written back as they were after the batch, so that every batch finds
 * them fresh and the store keeps its size.
 */
export class CasusPool {
  private used = 0;
  constructor(
    private readonly container: Container,
    readonly documents: readonly Casus[],
  ) {}

  get size(): number {
    return this.documents.length;
  }

  take(): Casus | undefined {
    return this.documents[this.used++];
  }

  /** Puts back what was taken: the documents as they were before the batch. */
  async restore(): Promise<void> {
    const taken = this.documents.slice(0, Math.min(this.used, this.documents.length));
    this.used = 0;
    await writeAll(this.container, taken, 'upsert');
  }
}
