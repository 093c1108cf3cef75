import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const MARKER = 'in-use.json';
const markerSchema = z.object({ since: z.string(), records: z.number().int().min(0).optional() });

/**
 * A data folder remembers that it held a store, and how many journal records it held at least.
 * Without that, a journal that was deleted, emptied or cut short would look like a first start (or
 * a torn last line): the app would come up healthy with casussen gone.
 */
export async function readInUseMarker(
  dataDir: string,
): Promise<z.infer<typeof markerSchema> | undefined> {
  try {
    return markerSchema.parse(JSON.parse(await readFile(join(dataDir, MARKER), 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** At least `records` journal records are durable in this folder now. */
export async function writeInUseMarker(
  dataDir: string,
  records: number,
  since = new Date().toISOString(),
): Promise<void> {
  // Replaced whole, never half-written: a torn marker would stop every later start.
  const path = join(dataDir, MARKER);
  await writeFile(`${path}.tmp`, `${JSON.stringify({ since, records })}\n`);
  await rename(`${path}.tmp`, path);
}

/** Why a start with this journal would lose data, or undefined when it is whole as far as known. */
export function journalLoss(
  marker: z.infer<typeof markerSchema> | undefined,
  records: number,
): 'missing' | 'shorter' | undefined {
  if (!marker) return undefined;
  if (records === 0) return 'missing';
  return marker.records !== undefined && records < marker.records ? 'shorter' : undefined;
}

export class JournalMissingError extends Error {
  constructor(dataDir: string, loss: 'missing' | 'shorter') {
    super(
      `The data folder ${dataDir} held a store before, but its journal (journal.jsonl) is ${
        loss === 'missing' ? 'missing or empty' : 'shorter than it was'
      }: starting would lose casussen. Restore the journal from a backup, or set ` +
        'EMBEDDED_COSMOS_START_AFRESH=true to start with what is there on purpose.',
    );
    this.name = 'JournalMissingError';
  }
}
