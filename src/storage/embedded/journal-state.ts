import type { ContainerDefinition, JournalRecord, StoredDocument } from './journal-record';

/** System properties the server assigns; they are dropped so a restore gets fresh ones. */
const systemProperties = new Set(['_rid', '_self', '_etag', '_ts', '_attachments']);

export interface ContainerState {
  definition: ContainerDefinition;
  documents: Map<string, StoredDocument>;
}
export type StoreState = Map<string, Map<string, ContainerState>>;

/** The partition key value of a document under a single-path partition key such as `/id`. */
export function partitionKeyOf(definition: ContainerDefinition, doc: StoredDocument): unknown {
  const [path = '/id'] = definition.partitionKey.paths;
  let value: unknown = doc;
  for (const segment of path.split('/').filter(Boolean)) {
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)[segment]
        : undefined;
  }
  return value;
}

function documentKey(partitionKey: unknown, id: string): string {
  return JSON.stringify([partitionKey ?? null, id]);
}

export function withoutSystemProperties(doc: StoredDocument): StoredDocument {
  return Object.fromEntries(
    Object.entries(doc).filter(([key]) => !systemProperties.has(key)),
  ) as StoredDocument;
}

/** Folds a journal into the state it describes; later records win. */
export function foldJournal(records: readonly JournalRecord[]): StoreState {
  const state: StoreState = new Map();
  const container = (db: string, coll: string): ContainerState | undefined =>
    state.get(db)?.get(coll);
  for (const record of records) {
    switch (record.op) {
      case 'database':
        if (!state.has(record.id)) state.set(record.id, new Map());
        break;
      case 'drop-database':
        state.delete(record.id);
        break;
      case 'container': {
        const database = state.get(record.db) ?? new Map<string, ContainerState>();
        state.set(record.db, database);
        const existing = database.get(record.definition.id);
        database.set(record.definition.id, {
          definition: record.definition,
          documents: existing?.documents ?? new Map<string, StoredDocument>(),
        });
        break;
      }
      case 'drop-container':
        state.get(record.db)?.delete(record.id);
        break;
      case 'put': {
        const target = container(record.db, record.coll);
        if (!target)
          throw new Error(`Journal puts into unknown container ${record.db}/${record.coll}`);
        const doc = withoutSystemProperties(record.doc);
        target.documents.set(documentKey(partitionKeyOf(target.definition, doc), doc.id), doc);
        break;
      }
      case 'delete':
        container(record.db, record.coll)?.documents.delete(
          documentKey(record.partitionKey[0], record.id),
        );
        break;
    }
  }
  return state;
}

/** The shortest journal that describes a state: used to compact the file at start. */
export function journalOf(state: StoreState): JournalRecord[] {
  const records: JournalRecord[] = [];
  for (const [db, containers] of state) {
    records.push({ op: 'database', id: db });
    for (const { definition, documents } of containers.values()) {
      records.push({ op: 'container', db, definition });
      for (const doc of documents.values()) {
        records.push({ op: 'put', db, coll: definition.id, doc });
      }
    }
  }
  return records;
}
