import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { containerDefinitionSchema, type JournalRecord } from './journal-record';
import type { JournalWriter } from './journal-file';

/** What a request to the embedded server does to durable state. */
type Mutation =
  | { kind: 'none' }
  | { kind: 'unsupported' }
  | { kind: 'database' }
  | { kind: 'drop-database'; id: string }
  | { kind: 'container'; db: string }
  | { kind: 'drop-container'; db: string; id: string }
  | { kind: 'put'; db: string; coll: string }
  | { kind: 'delete'; db: string; coll: string; id: string; partitionKey: unknown[] };

function isTrue(req: IncomingMessage, header: string): boolean {
  return String(req.headers[header] ?? '').toLowerCase() === 'true';
}

function segmentsOf(url: string | undefined): string[] {
  const { pathname } = new URL(url ?? '/', 'http://embedded');
  return pathname.split('/').filter(Boolean).map(decodeURIComponent);
}

function partitionKeyHeader(req: IncomingMessage): unknown[] {
  const parsed: unknown = JSON.parse(String(req.headers['x-ms-documentdb-partitionkey'] ?? '[]'));
  return Array.isArray(parsed) ? parsed : [parsed];
}

/** Mirrors the server's own router (method, path, and the query/upsert/batch headers). */
export function classify(req: IncomingMessage): Mutation {
  const s = segmentsOf(req.url);
  const [dbs, db, colls, coll, docs, id] = s;
  const isQuery =
    isTrue(req, 'x-ms-documentdb-isquery') ||
    req.headers['content-type'] === 'application/query+json';
  if (req.method === 'GET' || req.method === 'HEAD' || (req.method === 'POST' && isQuery)) {
    return { kind: 'none' };
  }
  if (dbs !== 'dbs' || s.length > 6 || (colls !== undefined && colls !== 'colls')) {
    return { kind: 'unsupported' };
  }
  if (docs !== undefined && docs !== 'docs') return { kind: 'unsupported' }; // udfs and the like
  const isBatch = isTrue(req, 'x-ms-cosmos-is-batch-request');
  switch (req.method) {
    case 'POST':
      if (isBatch) return { kind: 'unsupported' };
      if (s.length === 1) return { kind: 'database' };
      if (s.length === 3 && db) return { kind: 'container', db };
      if (s.length === 5 && db && coll) return { kind: 'put', db, coll };
      return { kind: 'unsupported' };
    case 'PUT':
      if (s.length === 4 && db) return { kind: 'container', db };
      if (s.length === 6 && db && coll) return { kind: 'put', db, coll };
      return { kind: 'unsupported' };
    case 'PATCH':
      return s.length === 6 && db && coll ? { kind: 'put', db, coll } : { kind: 'unsupported' };
    case 'DELETE':
      if (s.length === 2 && db) return { kind: 'drop-database', id: db };
      if (s.length === 4 && db && coll) return { kind: 'drop-container', db, id: coll };
      if (s.length === 6 && db && coll && id) {
        return { kind: 'delete', db, coll, id, partitionKey: partitionKeyHeader(req) };
      }
      return { kind: 'unsupported' };
    default:
      return { kind: 'unsupported' };
  }
}

function recordOf(
  mutation: Exclude<Mutation, { kind: 'none' | 'unsupported' }>,
  body: unknown,
): JournalRecord {
  const resource = (body ?? {}) as Record<string, unknown>;
  switch (mutation.kind) {
    case 'database':
      return { op: 'database', id: String(resource.id) };
    case 'drop-database':
      return { op: 'drop-database', id: mutation.id };
    case 'container': {
      const definition = Object.fromEntries(
        Object.entries(resource).filter(([key]) => !key.startsWith('_')),
      );
      return {
        op: 'container',
        db: mutation.db,
        definition: containerDefinitionSchema.parse(definition),
      };
    }
    case 'drop-container':
      return { op: 'drop-container', db: mutation.db, id: mutation.id };
    case 'put':
      return {
        op: 'put',
        db: mutation.db,
        coll: mutation.coll,
        doc: { ...resource, id: String(resource.id) },
      };
    case 'delete':
      return {
        op: 'delete',
        db: mutation.db,
        coll: mutation.coll,
        id: mutation.id,
        partitionKey: mutation.partitionKey,
      };
  }
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(
    JSON.stringify({ code: status === 501 ? 'NotImplemented' : 'ServiceUnavailable', message }),
  );
}

/**
 * Puts a journal between the embedded server and its clients: a successful change is answered
 * only after its resulting state is flushed to disk. Changes the journal cannot express (batch,
 * user-defined functions) are refused rather than acknowledged and then lost.
 */
export class JournalGate {
  private writer: JournalWriter | undefined;

  /** Until a writer is attached (during restore) requests pass straight through. */
  attach(writer: JournalWriter): void {
    this.writer = writer;
  }

  get healthy(): boolean {
    return !this.writer?.failed;
  }

  install(server: Server): void {
    const listeners = server.listeners('request') as RequestListener[];
    const [inner] = listeners;
    if (!inner || listeners.length !== 1) throw new Error('Expected exactly one request listener');
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) =>
      this.handle(inner, req, res),
    );
  }

  private handle(inner: RequestListener, req: IncomingMessage, res: ServerResponse): void {
    const writer = this.writer;
    if (!writer) return void inner(req, res);
    if (writer.failed)
      return refuse(res, 503, 'The embedded store journal failed; restart the app.');
    let mutation: Mutation;
    try {
      mutation = classify(req);
    } catch {
      return refuse(res, 400, 'Malformed partition key header');
    }
    if (mutation.kind === 'none') return void inner(req, res);
    if (mutation.kind === 'unsupported') {
      return refuse(res, 501, 'This operation is not supported by the durable embedded store.');
    }
    const end = res.end.bind(res) as (chunk?: string) => ServerResponse;
    res.end = ((chunk?: string) => {
      if (res.statusCode >= 300) return end(chunk);
      const record = recordOf(mutation, chunk ? JSON.parse(chunk) : undefined);
      writer.append(record).then(
        () => end(chunk),
        () =>
          refuse(
            Object.assign(res, { end }),
            503,
            'The embedded store could not persist the change.',
          ),
      );
      return res;
    }) as ServerResponse['end'];
    inner(req, res);
  }
}
