import { open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { journalRecordSchema, type JournalRecord } from './journal-record';

/**
 * Reads every record of a journal. A torn last line is the trace of a write that crashed before
 * its fsync, so it was never acknowledged and is dropped; damage anywhere else is an error,
 * because silently skipping it would lose acknowledged data.
 */
export async function readJournal(path: string): Promise<JournalRecord[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines = text.split('\n');
  const records: JournalRecord[] = [];
  lines.forEach((line, index) => {
    if (line === '') return;
    const isLast = index === lines.length - 1;
    const record = parseLine(line);
    if (record) records.push(record);
    else if (!isLast) throw new Error(`Journal ${path} is damaged at line ${index + 1}`);
  });
  return records;
}

function parseLine(line: string): JournalRecord | undefined {
  try {
    const parsed = journalRecordSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // not JSON: handled by the caller as torn or damaged
  }
}

/** Replaces the journal atomically: a crash leaves either the old or the new file whole. */
export async function writeJournalAtomically(
  path: string,
  records: JournalRecord[],
): Promise<void> {
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(records.map((record) => `${JSON.stringify(record)}\n`).join(''));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  await syncDirectory(dirname(path));
}

async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

interface Pending {
  line: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Appends records durably. Writes that arrive while a flush is under way are grouped into the next
 * write + fdatasync (group commit), so concurrency costs one sync per batch, not per record.
 */
export class JournalWriter {
  private pending: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private failure: unknown;
  /** Records made durable by this writer. */
  appended = 0;

  private constructor(private readonly handle: FileHandle) {}

  static async open(path: string): Promise<JournalWriter> {
    return new JournalWriter(await open(path, 'a'));
  }

  /** Set once a write failed: memory may then hold changes the disk does not. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  append(record: JournalRecord): Promise<void> {
    if (this.failed) return Promise.reject(new Error('Journal has failed before'));
    return new Promise((resolve, reject) => {
      this.pending.push({ line: `${JSON.stringify(record)}\n`, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.handle.write(batch.map((entry) => entry.line).join(''));
        await this.handle.datasync();
        this.appended += batch.length;
        batch.forEach((entry) => entry.resolve());
      } catch (error) {
        this.failure = error;
        [...batch, ...this.pending].forEach((entry) => entry.reject(error));
        this.pending = [];
      }
    }
    this.flushing = undefined;
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.handle.close();
  }
}
