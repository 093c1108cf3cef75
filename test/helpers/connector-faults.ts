import { performance } from 'node:perf_hooks';

/** An answer the fake connector gives instead of accepting a send. */
export interface FaultAnswer {
  status: number;
  headers: Record<string, string>;
  body: { error: { code: string; message: string } };
}

/** Which requests a measurement takes: one conversation id, or those a predicate accepts. */
export type ConversationFilter = string | ((conversationId: string) => boolean);

/**
 * Scripted failures per conversation id, and when every request arrived, refused ones included:
 * what a test needs to see that sends keep to Teams' limits as measured where Teams measures them.
 */
export class ConnectorFaults {
  private readonly scripted = new Map<string, FaultAnswer[]>();
  private readonly writesBlocked = new Set<string>();
  private readonly arrived = new Map<string, number[]>();

  /**
   * The next `times` requests get 429 as Teams answers it. `retryAfter` is the header: seconds, or
   * a Date sent as an HTTP date; without it there is no header and the sender must back off.
   */
  throttle(conversationId: string, options: { times: number; retryAfter?: number | Date }): void {
    const { retryAfter } = options;
    const headers: Record<string, string> =
      retryAfter === undefined
        ? {}
        : {
            'Retry-After':
              retryAfter instanceof Date ? retryAfter.toUTCString() : String(retryAfter),
          };
    this.script(conversationId, options.times, {
      status: 429,
      headers,
      body: { error: { code: 'Throttled', message: 'Too Many Requests' } },
    });
  }

  /** The next `times` requests fail with `status` (500, 502, ...), as a connector having trouble. */
  failWith(conversationId: string, status: number, times: number): void {
    this.script(conversationId, times, {
      status,
      headers: {},
      body: { error: { code: 'ServiceError', message: `failed with ${status} by the test` } },
    });
  }

  /** Every request from now on gets 403 MessageWritesBlocked, as when the app was removed. */
  blockWrites(conversationId: string): void {
    this.writesBlocked.add(conversationId);
  }

  /** The connector answers this conversation as usual again: what was scripted is dropped. */
  recover(conversationId: string): void {
    this.scripted.delete(conversationId);
    this.writesBlocked.delete(conversationId);
  }

  /** Notes a request's arrival and says how to answer it: with a fault, or as usual. */
  arrive(conversationId: string, at = performance.now()): FaultAnswer | undefined {
    const times = this.arrived.get(conversationId) ?? [];
    times.push(at);
    this.arrived.set(conversationId, times);
    const next = this.scripted.get(conversationId)?.shift();
    if (next) return next;
    if (this.writesBlocked.has(conversationId)) {
      return {
        status: 403,
        headers: {},
        body: { error: { code: 'MessageWritesBlocked', message: 'the bot was removed' } },
      };
    }
    return undefined;
  }

  /** When each request for this conversation arrived (performance.now(), in order). */
  arrivals(conversationId: string): readonly number[] {
    return this.arrived.get(conversationId) ?? [];
  }

  /** The most requests of the filtered conversations that arrived within any `windowMs`. */
  maxInWindow(filter: ConversationFilter, windowMs: number): number {
    const accepts = typeof filter === 'string' ? (id: string) => id === filter : filter;
    const times = [...this.arrived]
      .filter(([id]) => accepts(id))
      .flatMap(([, at]) => at)
      .sort((a, b) => a - b);
    return maxInSlidingWindow(times, windowMs);
  }

  private script(conversationId: string, times: number, answer: FaultAnswer): void {
    const queue = this.scripted.get(conversationId) ?? [];
    for (let i = 0; i < times; i++) queue.push(answer);
    this.scripted.set(conversationId, queue);
  }
}

/** The largest number of sorted times that lie within less than `windowMs` of each other. */
export function maxInSlidingWindow(sorted: readonly number[], windowMs: number): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}
