// What the store acknowledged, read from the embedded store's own journal: every change is
// appended there before it is acknowledged (src/storage/embedded/embedded-cosmos.ts), so the
// records between two points in time are exactly what changed in between, in every container.
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface StoreChange {
  container: string;
  id: string;
}

export class JournalWatch {
  private offset = 0;
  private readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'journal.jsonl');
  }

  /** From now on: what came before is not counted. */
  async mark(): Promise<void> {
    this.offset = (await stat(this.path)).size;
  }

  /** The documents changed since the last mark or call. */
  async changes(): Promise<StoreChange[]> {
    const { size } = await stat(this.path);
    if (size <= this.offset) return [];
    const file = await open(this.path, 'r');
    try {
      const buffer = Buffer.alloc(size - this.offset);
      await file.read(buffer, 0, buffer.length, this.offset);
      // A batch being flushed right now may end in a partial line: it belongs to the next call.
      const text = buffer.toString('utf8');
      const complete = text.slice(0, text.lastIndexOf('\n') + 1);
      this.offset += Buffer.byteLength(complete);
      return complete
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const record = JSON.parse(line) as { coll?: string; id?: string; doc?: { id?: string } };
          return { container: record.coll ?? '', id: record.doc?.id ?? record.id ?? '' };
        });
    } finally {
      await file.close();
    }
  }
}
