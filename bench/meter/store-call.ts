/**
 * What one request to the store was, from its method, path and headers as the Cosmos SDK sent
 * them: shared by the meter (in the measured process) and the reports (in the bench).
 */
export type StoreCallKind =
  | 'read'
  | 'create'
  | 'upsert'
  | 'replace'
  | 'patch'
  | 'delete'
  | 'query'
  /** The SDK asks the gateway how to run a query before it runs it (not billed as a query). */
  | 'query-plan'
  /** Databases, containers, partition key ranges: what the SDK reads to find its way. */
  | 'metadata';

/** When the call started: while a turn was being answered, or after (the notifier, the sweep). */
export type CallPhase = 'turn' | 'after';

export interface StoreCall {
  phase: CallPhase;
  kind: StoreCallKind;
  container: string;
  status: number;
  /** Bytes sent (the document, for a write) and received (the document or the query's page). */
  requestBytes: number;
  responseBytes: number;
  /** `x-ms-request-charge` as the store reported it; undefined when it reported none. */
  charge: number | undefined;
}

type HeaderValue = string | number | string[] | undefined;

const isTrue = (value: HeaderValue) => String(value ?? '').toLowerCase() === 'true';

export function storeCallKind(
  method: string,
  path: string,
  header: (name: string) => HeaderValue,
): { kind: StoreCallKind; container: string } {
  const [pathname = ''] = path.split('?');
  const match = /^\/dbs\/[^/]+\/colls\/([^/]+)\/docs(\/[^/]+)?$/.exec(pathname);
  if (!match) return { kind: 'metadata', container: '' };
  const container = decodeURIComponent(match[1] ?? '');
  const one = match[2] !== undefined;
  if (isTrue(header('x-ms-cosmos-is-query-plan-request'))) return { kind: 'query-plan', container };
  const isQuery =
    isTrue(header('x-ms-documentdb-isquery')) ||
    String(header('content-type') ?? '').startsWith('application/query+json');
  if (method === 'POST' && !one) {
    if (isQuery) return { kind: 'query', container };
    return { kind: isTrue(header('x-ms-documentdb-is-upsert')) ? 'upsert' : 'create', container };
  }
  if (method === 'GET' && one) return { kind: 'read', container };
  if (method === 'PUT' && one) return { kind: 'replace', container };
  if (method === 'PATCH' && one) return { kind: 'patch', container };
  if (method === 'DELETE' && one) return { kind: 'delete', container };
  return { kind: 'metadata', container };
}

export const isQueryKind = (kind: StoreCallKind) => kind === 'query' || kind === 'query-plan';

/** A round trip that is about data, not the SDK finding its way (those are counted apart). */
export const isDataKind = (kind: StoreCallKind) => kind !== 'metadata';
