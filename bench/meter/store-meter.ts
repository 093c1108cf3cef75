// Preloaded (`--require`) into a process the bench measures: counts every request the process
// sends to the store, at the boundary between the Cosmos SDK and the network (Node's own HTTP
// client diagnostics channels: the SDK and its HTTP client are not touched), and tells whether it
// was made by a turn or after it (the notifier's deliveries; see mark-notifier.ts). The bench
// asks it over the IPC channel.
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { storeCallKind, type StoreCall } from './store-call';
import { afterTurn } from './after-turn';
import type { MeterReply, MeterRequest } from './meter-protocol';

const storeEndpoint = process.env.BENCH_STORE_ENDPOINT ?? process.env.COSMOS_ENDPOINT ?? '';
const storeHost = storeEndpoint ? new URL(storeEndpoint).host : '';

let turnsInFlight = 0;
let turnsAnswered = 0;
let storeInFlight = 0;
let otherInFlight = 0;
let otherRequests = 0;
let lastActivity = performance.now();
/** Kept only while the bench counts (one turn at a time): under load nothing accumulates. */
let recording = false;
let calls: StoreCall[] = [];
const open = new Map<ClientRequest, StoreCall | 'other'>();

const touch = () => {
  lastActivity = performance.now();
};

/** The phase where the request is made; work the notifier does is never the turn's. */
const phaseNow = (): StoreCall['phase'] =>
  afterTurn.getStore() === true || turnsInFlight === 0 ? 'after' : 'turn';

const isTurn = (url: string | undefined) => (url ?? '').startsWith('/api/messages');

subscribe('http.server.request.start', (message) => {
  const { request } = message as { request: IncomingMessage };
  if (!isTurn(request.url)) return;
  turnsInFlight++;
  touch();
});

subscribe('http.server.response.finish', (message) => {
  const { request } = message as { request: IncomingMessage };
  if (!isTurn(request.url)) return;
  turnsInFlight--;
  turnsAnswered++;
  touch();
});

/**
 * The phase is told where the request is made: `created` is published inside `http.request()`,
 * in the caller's async context; `start` comes a tick later, from Node's own queue, with the
 * headers complete.
 */
const phases = new WeakMap<ClientRequest, StoreCall['phase']>();
subscribe('http.client.request.created', (message) => {
  const { request } = message as { request: ClientRequest };
  phases.set(request, phaseNow());
});

subscribe('http.client.request.start', (message) => {
  const { request } = message as { request: ClientRequest };
  touch();
  if (!storeHost || String(request.getHeader('host')) !== storeHost) {
    otherInFlight++;
    otherRequests++;
    open.set(request, 'other');
    return;
  }
  const { kind, container } = storeCallKind(request.method, request.path, (name) =>
    request.getHeader(name),
  );
  const call: StoreCall = {
    phase: phases.get(request) ?? phaseNow(),
    kind,
    container,
    status: 0,
    requestBytes: Number(request.getHeader('content-length') ?? 0),
    responseBytes: 0,
    charge: undefined,
  };
  storeInFlight++;
  if (recording) calls.push(call);
  open.set(request, call);
});

function settle(request: ClientRequest, response: IncomingMessage | undefined): void {
  const call = open.get(request);
  if (call === undefined) return;
  open.delete(request);
  touch();
  if (call === 'other') {
    otherInFlight--;
    return;
  }
  storeInFlight--;
  if (!response) return;
  call.status = response.statusCode ?? 0;
  call.responseBytes = Number(response.headers['content-length'] ?? 0);
  const charge = response.headers['x-ms-request-charge'];
  call.charge = charge === undefined ? undefined : Number(charge);
}

subscribe('http.client.response.finish', (message) => {
  const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
  settle(request, response);
});
subscribe('http.client.request.error', (message) => {
  settle((message as { request: ClientRequest }).request, undefined);
});

function answer(request: MeterRequest): MeterReply {
  const memory = process.memoryUsage();
  const base = {
    id: request.id,
    turnsInFlight,
    turnsAnswered,
    inFlight: storeInFlight + otherInFlight,
    quietForMs: performance.now() - lastActivity,
    otherRequests,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    heapTotalBytes: memory.heapTotal,
    externalBytes: memory.external,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  switch (request.op) {
    case 'record':
    case 'take': {
      const taken = calls;
      calls = [];
      recording = true;
      return { ...base, calls: taken };
    }
    case 'stop-recording':
      recording = false;
      calls = [];
      return { ...base, calls: [] };
    case 'gc': {
      // Only with --expose-gc: the live heap, without the garbage a burst of turns left.
      (globalThis as { gc?: () => void }).gc?.();
      const { heapUsed, heapTotal } = process.memoryUsage();
      return { ...base, heapUsedBytes: heapUsed, heapTotalBytes: heapTotal, calls: [] };
    }
    case 'peek':
      return { ...base, calls: [] };
  }
}

process.on('message', (message: MeterRequest) => {
  process.send?.(answer(message));
});
// The channel must not keep the process alive, and the process must not outlive the bench.
process.channel?.unref();
process.on('disconnect', () => process.exit(0));
