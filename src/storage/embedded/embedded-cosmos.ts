import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { lockDataDir } from './data-dir-lock';
import { JournalWriter, readJournal, writeJournalAtomically } from './journal-file';
import { foldJournal, journalOf, type StoreState } from './journal-state';
import { JournalGate } from './journaled-requests';
import {
  journalLoss,
  JournalMissingError,
  readInUseMarker,
  writeInUseMarker,
} from './in-use-marker';

/** The embedded server checks no signature; any base64 key satisfies the SDK. */
export const EMBEDDED_COSMOS_KEY = Buffer.from('casusbot-embedded-store').toString('base64');

export interface EmbeddedCosmos {
  endpoint: string;
  key: string;
  /** False once the journal failed to persist a change: the process must restart. */
  readonly healthy: boolean;
  /** Records that this folder now holds a store (call once its containers exist). */
  markInUse(): Promise<void>;
  close(): Promise<void>;
}

const RESTORE_CONCURRENCY = 32;

/**
 * Starts the Cosmos-compatible server in-process on loopback, restores it from the journal in
 * `dataDir`, and from then on acknowledges a change only after it is flushed to the journal.
 */
export async function startEmbeddedCosmos(options: {
  dataDir: string;
  port: number;
  /** Accept a missing or empty journal in a folder that held a store before. */
  startAfresh?: boolean;
}): Promise<EmbeddedCosmos> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const lock = await lockDataDir(dataDir);
  try {
    const journalPath = join(dataDir, 'journal.jsonl');
    const records = await readJournal(journalPath);
    const marker = await readInUseMarker(dataDir);
    const loss = journalLoss(marker, records.length);
    if (loss && !options.startAfresh) throw new JournalMissingError(dataDir, loss);
    const state = foldJournal(records);

    const server = createHttpServer({ keepAlive: true });
    const gate = new JournalGate();
    gate.install(server);
    server.listen(options.port, '127.0.0.1');
    await once(server, 'listening');
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    await restore(endpoint, state);
    const compacted = journalOf(state);
    await writeJournalAtomically(journalPath, compacted);
    const writer = await JournalWriter.open(journalPath);
    gate.attach(writer);
    // Records only grow from here (a delete is a record too): the marker is a lower bound.
    let inUse = marker !== undefined;
    const since = marker?.since ?? new Date().toISOString();
    const recordMarker = () => writeInUseMarker(dataDir, compacted.length + writer.appended, since);
    if (inUse) await recordMarker();

    return {
      endpoint,
      key: EMBEDDED_COSMOS_KEY,
      get healthy() {
        return gate.healthy;
      },
      async markInUse() {
        inUse = true;
        await recordMarker();
      },
      async close() {
        const closed = once(server, 'close');
        server.close();
        server.closeIdleConnections();
        await closed;
        await writer.close();
        if (inUse && !writer.failed) await recordMarker();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** Loads a folded journal into the fresh server through the SDK, as any client would. */
async function restore(endpoint: string, state: StoreState): Promise<void> {
  const client = new CosmosClient({
    endpoint,
    key: EMBEDDED_COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    for (const [databaseId, containers] of state) {
      const { database } = await client.databases.createIfNotExists({ id: databaseId });
      for (const { definition, documents } of containers.values()) {
        const { container } = await database.containers.createIfNotExists(definition);
        const queue = [...documents.values()];
        const worker = async (): Promise<void> => {
          for (let doc = queue.pop(); doc; doc = queue.pop()) await container.items.upsert(doc);
        };
        await Promise.all(Array.from({ length: RESTORE_CONCURRENCY }, worker));
      }
    }
  } finally {
    client.dispose();
  }
}
