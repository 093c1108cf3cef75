import type { StoreCall, StoreCallKind } from '../meter/store-call';

/**
 * Microsoft's published RU cost of one operation by document size (session or eventual
 * consistency): "Understand request unit consumption", learn.microsoft.com/azure/cosmos-db/
 * understand-request-unit-consumption. Writes are for default indexing (every path); the casussen
 * container indexes a few paths only, so a real write costs less: the write figures are an upper
 * bound.
 */
const PUBLISHED: readonly { kb: number; read: number; write: number }[] = [
  { kb: 1, read: 1.0, write: 4.95 },
  { kb: 2, read: 1.04, write: 6.29 },
  { kb: 4, read: 1.14, write: 6.67 },
  { kb: 8, read: 1.33, write: 7.04 },
  { kb: 16, read: 1.67, write: 9.52 },
  { kb: 32, read: 2.19, write: 11.23 },
  { kb: 64, read: 4.76, write: 22.67 },
  { kb: 128, read: 9.95, write: 48.19 },
  { kb: 256, read: 20.28, write: 98.29 },
  { kb: 512, read: 40.95, write: 184.57 },
  { kb: 1024, read: 145.9, write: 625.0 },
  { kb: 2048, read: 291.8, write: 1250.0 },
];

/**
 * A query's charge is not published by size (it depends on index lookups and documents loaded).
 * Assumed here: a fixed charge per page, the order a small index-served query is charged on a real
 * account, plus reading what the page returned as if it were one document of that size. A lower
 * bound for a query that loads more than it returns.
 */
export const QUERY_PAGE_RU = 2.5;

/** Linear between the published sizes; below 1 KB as 1 KB; beyond 2 MB in proportion. */
function interpolate(bytes: number, column: 'read' | 'write'): number {
  const kb = Math.max(1, bytes / 1024);
  const first = PUBLISHED[0]!;
  if (kb <= first.kb) return first[column];
  for (let i = 1; i < PUBLISHED.length; i++) {
    const low = PUBLISHED[i - 1]!;
    const high = PUBLISHED[i]!;
    if (kb <= high.kb) {
      return low[column] + ((kb - low.kb) / (high.kb - low.kb)) * (high[column] - low[column]);
    }
  }
  const last = PUBLISHED.at(-1)!;
  return (last[column] * kb) / last.kb;
}

export function callRu(call: StoreCall): number {
  switch (call.kind) {
    case 'read':
      return interpolate(call.responseBytes, 'read');
    case 'create':
    case 'upsert':
    case 'replace':
      return interpolate(call.requestBytes, 'write');
    case 'patch':
      // The patch is small; the document written is what comes back.
      return interpolate(call.responseBytes, 'write');
    case 'delete':
      // Its size is not on the wire: charged as a 1 KB write.
      return interpolate(1024, 'write');
    case 'query':
      return QUERY_PAGE_RU + interpolate(call.responseBytes, 'read');
    case 'query-plan':
    case 'metadata':
      return 0;
  }
}

export interface RuEstimate {
  total: number;
  byKind: Partial<Record<StoreCallKind, number>>;
  /** What the store itself reported in `x-ms-request-charge`, summed. */
  reported: number;
  /** The embedded store answers 1 for every request: a placeholder, not a charge. */
  reportedIsPlaceholder: boolean;
}

export function estimateRu(calls: readonly StoreCall[]): RuEstimate {
  const byKind: RuEstimate['byKind'] = {};
  let total = 0;
  let reported = 0;
  let placeholder = calls.length > 0;
  for (const call of calls) {
    const ru = callRu(call);
    total += ru;
    byKind[call.kind] = (byKind[call.kind] ?? 0) + ru;
    reported += call.charge ?? 0;
    if (call.charge !== 1) placeholder = false;
  }
  return { total, byKind, reported, reportedIsPlaceholder: placeholder };
}

export const RU_FORMULA = [
  'RU estimate (Microsoft, "Understand request unit consumption": 1 KB read 1.00 / write 4.95,',
  '  8 KB 1.33 / 7.04, 16 KB 1.67 / 9.52, 32 KB 2.19 / 11.23, linear in between):',
  '  point read = read(size of the document returned); create/replace/upsert = write(size sent)',
  '  (default indexing: an upper bound for this container); delete = write(1 KB);',
  `  query page = ${QUERY_PAGE_RU} RU (assumed, not published) + read(size of the page returned);`,
  '  query plan and metadata requests = 0.',
].join('\n');
