import { once } from 'node:events';
import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** How the proxy treats a request: as the store would, or as a broken network would. */
export type ProxyMode =
  /** Forward and answer. */
  | 'pass'
  /** Close every connection at once (ECONNRESET). */
  | 'refuse'
  /** Accept the request and never answer. */
  | 'blackhole';

interface Rule {
  rule: (request: ProxiedRequest) => boolean;
  then(): void;
}

/** A request as the proxy sees it, for rules that pick out one kind of store call. */
export interface ProxiedRequest {
  method: string;
  path: string;
}

/**
 * A loopback HTTP proxy in front of a Cosmos-compatible store that can refuse, blackhole, or
 * forward a write and then cut the connection before the answer reaches the client: the store
 * has applied the change, the client cannot know it.
 */
export class StoreProxy {
  mode: ProxyMode = 'pass';
  /** Requests that match are forwarded, then their answer is cut off (once per match). */
  private cutRules: ((request: ProxiedRequest) => boolean)[] = [];
  /** Run once, right after a matching request was answered by the store. */
  private afterRules: Rule[] = [];
  /** Run once, when a matching request arrives, before it is forwarded (or not). */
  private arrivalRules: Rule[] = [];
  private holds: { rule: (request: ProxiedRequest) => boolean; waiting: (() => void)[] }[] = [];
  /** Every request that reached the store through the proxy. */
  readonly forwarded: ProxiedRequest[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  url = '';

  constructor(private readonly upstream: string) {}

  async start(): Promise<this> {
    const target = new URL(this.upstream);
    this.server = createServer((req, res) => {
      const seen = { method: req.method ?? 'GET', path: req.url ?? '/' };
      this.runRules(this.arrivalRules, seen);
      if (this.mode === 'blackhole') return; // the socket stays open, nothing is answered
      if (this.mode === 'refuse') {
        req.socket.destroy(); // also on a connection kept alive from before
        return;
      }
      const hold = this.holds.find((candidate) => candidate.rule(seen));
      if (hold) hold.waiting.push(() => this.forward(req, res, seen, target));
      else this.forward(req, res, seen, target);
    });
    this.server.on('connection', (socket: Socket) => {
      if (this.mode === 'refuse') {
        socket.destroy();
        return;
      }
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private forward(req: IncomingMessage, res: ServerResponse, seen: ProxiedRequest, target: URL) {
    const cut = this.takeCutRule(seen);
    const upstreamRequest = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (upstreamResponse: IncomingMessage) => {
        this.forwarded.push(seen);
        upstreamResponse.on('end', () => this.runRules(this.afterRules, seen));
        if (cut) {
          upstreamResponse.resume();
          upstreamResponse.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(res);
      },
    );
    upstreamRequest.on('error', () => req.socket.destroy());
    req.pipe(upstreamRequest);
  }

  /**
   * Matching requests wait, unforwarded, until the returned function releases them: what a turn
   * needed of them it could not get meanwhile (it would answer late), what it did not need stays
   * out of its count.
   */
  hold(rule: (request: ProxiedRequest) => boolean): () => void {
    const hold = { rule, waiting: [] as (() => void)[] };
    this.holds.push(hold);
    return () => {
      this.holds = this.holds.filter((candidate) => candidate !== hold);
      hold.waiting.splice(0).forEach((forward) => forward());
    };
  }

  /** The next request that matches is applied by the store, but its answer never arrives. */
  cutAfterForwarding(rule: (request: ProxiedRequest) => boolean): void {
    this.cutRules.push(rule);
  }

  /** Once a matching request has been answered by the store, `then` runs (say, a mode change). */
  afterForwarding(rule: (request: ProxiedRequest) => boolean, then: () => void): void {
    this.afterRules.push({ rule, then });
  }

  /** When a matching request arrives, `then` runs before the proxy decides what to do with it. */
  onArrival(rule: (request: ProxiedRequest) => boolean, then: () => void): void {
    this.arrivalRules.push({ rule, then });
  }

  private runRules(rules: Rule[], seen: ProxiedRequest): void {
    const index = rules.findIndex(({ rule }) => rule(seen));
    if (index >= 0) rules.splice(index, 1)[0]?.then();
  }

  /** Rules armed that have not happened yet: a test whose fault never happened proved nothing. */
  get armed(): number {
    return this.cutRules.length + this.afterRules.length + this.arrivalRules.length;
  }

  /** Forgets every rule not yet used (between tests). */
  clearRules(): void {
    this.cutRules = [];
    this.afterRules = [];
    this.arrivalRules = [];
  }

  /** Drops the connections held open (the client then sees them reset, as after a network cut). */
  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  private takeCutRule(seen: ProxiedRequest): boolean {
    const index = this.cutRules.findIndex((rule) => rule(seen));
    if (index < 0) return false;
    this.cutRules.splice(index, 1);
    return true;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    const closed = once(this.server, 'close');
    this.server.close();
    this.dropConnections();
    await closed;
  }
}

/**
 * A write of a document in a container (create is POST on /docs, replace PUT on /docs/<id>), or of
 * one document when `id` is given.
 */
export const isDocumentWrite =
  (container: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', id?: string) =>
  (request: ProxiedRequest): boolean =>
    request.method === method &&
    new RegExp(`/colls/${container}/docs${id ? `/${encodeURIComponent(id)}$` : '(/|$)'}`).test(
      request.path,
    );

/** The store requests one turn makes (through this proxy), and what the turn answered. */
export async function measuredTurn<T>(
  proxy: Pick<StoreProxy, 'forwarded'>,
  turn: () => Promise<T>,
): Promise<{ card: T; requests: ProxiedRequest[] }> {
  const from = proxy.forwarded.length;
  const card = await turn();
  return { card, requests: proxy.forwarded.slice(from) };
}

/** Only the requests to casus documents (queries included). */
export const toCasussen = (requests: readonly ProxiedRequest[]): ProxiedRequest[] =>
  requests.filter((request) => /\/colls\/casussen\/docs/.test(request.path));
