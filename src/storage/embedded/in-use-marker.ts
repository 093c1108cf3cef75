import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const MARKER = 'in-use.json';

/**
 * A data folder remembers that it once held a store. Without that, a journal that was deleted or
 * truncated would look like a first start: the app would come up healthy with every casus gone.
 */
export async function wasInUse(dataDir: string): Promise<boolean> {
  try {
    await readFile(join(dataDir, MARKER), 'utf8');
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Written once the store's containers exist, so a crash during a first start is still a first start. */
export async function markInUse(dataDir: string): Promise<void> {
  await writeFile(
    join(dataDir, MARKER),
    `${JSON.stringify({ since: new Date().toISOString() })}\n`,
  );
}

export class JournalMissingError extends Error {
  constructor(dataDir: string) {
    super(
      `The data folder ${dataDir} held a store before, but its journal (journal.jsonl) is missing or empty: ` +
        'starting would show an empty store. Restore the journal from a backup, or set ' +
        'EMBEDDED_COSMOS_START_AFRESH=true to start with an empty store on purpose.',
    );
    this.name = 'JournalMissingError';
  }
}
