// What the store acknowledged, read from the embedded store's own journal: every change is
// appended there before it is acknowledged (src/storage/embedded/embedded-cosmos.ts), so the
// records between two points in time are exactly what changed in between, in every container.
// The access log grows on every read and refusal: a new record there is what the bot owes, and
// is returned to be checked; a rewrite or removal of one is a change like any other.
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  accessRecordSchema,
  type AccessRecord,
} from '../../../src/domain/access/access-record.schema';

const ACCESS_LOG = 'access-log';

export interface StoreChange {
  container: string;
  id: string;
}

export interface Acknowledged {
  /** Every document written or removed, but for the access log's new records. */
  changes: StoreChange[];
  /** The records the access log gained. */
  appended: AccessRecord[];
}

interface JournalLine {
  op?: string;
  coll?: string;
  id?: string;
  doc?: { id?: string };
}

export class JournalWatch {
  private offset = 0;
  private readonly path: string;
  /** Every access-log record the store holds: one put again is a rewrite. */
  private readonly recorded = new Set<string>();

  constructor(dataDir: string) {
    this.path = join(dataDir, 'journal.jsonl');
  }

  /** From now on: what came before is not counted (but known: the records the log holds). */
  async mark(): Promise<void> {
    await this.changes();
  }

  /** What the store acknowledged since the last mark or call. */
  async changes(): Promise<Acknowledged> {
    const acknowledged: Acknowledged = { changes: [], appended: [] };
    const { size } = await stat(this.path);
    if (size <= this.offset) return acknowledged;
    const file = await open(this.path, 'r');
    try {
      const buffer = Buffer.alloc(size - this.offset);
      await file.read(buffer, 0, buffer.length, this.offset);
      // A batch being flushed right now may end in a partial line: it belongs to the next call.
      const text = buffer.toString('utf8');
      const complete = text.slice(0, text.lastIndexOf('\n') + 1);
      this.offset += Buffer.byteLength(complete);
      for (const line of complete.split('\n').filter(Boolean)) {
        const record = JSON.parse(line) as JournalLine;
        const id = record.doc?.id ?? record.id ?? '';
        // A new document in the access log that is no access record is a change too.
        const appended =
          record.coll === ACCESS_LOG && record.op === 'put' && !this.recorded.has(id)
            ? accessRecordSchema.safeParse(record.doc)
            : undefined;
        if (appended?.success) {
          acknowledged.appended.push(appended.data);
        } else {
          acknowledged.changes.push({ container: record.coll ?? '', id });
        }
        this.fold(record);
      }
      return acknowledged;
    } finally {
      await file.close();
    }
  }

  private fold(record: JournalLine): void {
    if (record.coll !== ACCESS_LOG) return;
    if (record.op === 'put' && record.doc?.id) this.recorded.add(record.doc.id);
    if (record.op === 'delete' && record.id) this.recorded.delete(record.id);
  }
}
