import type { StoreCall } from './store-call';

/**
 * `record`: from now on keep every store call; `take`: the calls kept since the last take (and
 * forget them); `stop-recording`: keep none (the default: under load nothing accumulates);
 * `peek`: the counters only; `gc`: the live heap after a full collection.
 */
export interface MeterRequest {
  id: number;
  op: 'record' | 'take' | 'stop-recording' | 'peek' | 'gc';
}

export interface MeterReply {
  id: number;
  /** Turns (`/api/messages` requests) being answered now, and answered since the start. */
  turnsInFlight: number;
  turnsAnswered: number;
  /** Outgoing requests (store, connector) without an answer yet. */
  inFlight: number;
  /** How long nothing happened: no turn, no outgoing request started or ended. */
  quietForMs: number;
  /** Outgoing requests that were not to the store (the Bot Connector): notifications sent. */
  otherRequests: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** What V8 holds for its heap, and what lives outside it (Buffers): RSS is more than the heap. */
  heapTotalBytes: number;
  externalBytes: number;
  /** The process's peak resident set size so far (getrusage). */
  maxRssBytes: number;
  calls: StoreCall[];
}
