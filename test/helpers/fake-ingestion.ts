import { once } from 'node:events';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { loopbackCertificate } from './loopback-tls';
import { closeServer } from './close-server';

/** One Application Insights telemetry item as the exporter sends it (Breeze v2.1 schema). */
export interface Envelope {
  name: string;
  time?: string;
  iKey?: string;
  instrumentationKey?: string;
  tags?: Record<string, string>;
  data?: { baseType?: string; baseData?: Record<string, unknown> };
  [key: string]: unknown;
}

export interface IngestionRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The body as text, after gunzip when it came compressed. */
  body: string;
}

/** A JSON array of envelopes, or (as older SDKs send) one envelope per line. */
function parseEnvelopes(body: string): Envelope[] {
  const trimmed = body.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as Envelope[];
  return trimmed
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Envelope);
}

/**
 * A loopback stand-in for the Application Insights ingestion endpoint (HTTPS, a throwaway
 * certificate for 127.0.0.1): accepts `POST …/track` with a JSON array of envelopes, gzipped or
 * not, and records every request, including any to a path it does not serve (answered 404).
 */
export class FakeIngestion {
  readonly requests: IngestionRequest[] = [];
  readonly envelopes: Envelope[] = [];
  /** PEM of the certificate the server presents, for NODE_EXTRA_CA_CERTS. */
  cert = '';
  /** Base URL with a trailing slash, as a connection string's IngestionEndpoint. */
  url = '';
  private server: Server | undefined;

  async start(): Promise<this> {
    const { key, cert } = await loopbackCertificate();
    this.cert = cert;
    this.server = createServer({ key, cert }, (req, res) => void this.handle(req, res));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** A connection string that sends everything, live metrics included, to this server. */
  connectionString(): string {
    return [
      'InstrumentationKey=00000000-0000-0000-0000-000000000000',
      `IngestionEndpoint=${this.url}`,
      `LiveEndpoint=${this.url}`,
    ].join(';');
  }

  /** Everything that reached the server, as text: for searching for what must not be there. */
  allText(): string {
    return this.requests.map((request) => `${request.path}\n${request.body}`).join('\n');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let raw = Buffer.concat(chunks);
    const gzipped = raw[0] === 0x1f && raw[1] === 0x8b;
    if (gzipped || req.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
    const body = raw.toString('utf8');
    const path = req.url ?? '';
    this.requests.push({ method: req.method ?? '', path, headers: req.headers, body });

    if (req.method !== 'POST' || !/\/track$/.test(path.replace(/\?.*$/, ''))) {
      res.writeHead(404).end();
      return;
    }
    let items: Envelope[];
    try {
      items = parseEnvelopes(body);
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    this.envelopes.push(...items);
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(
        JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }),
      );
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }
}
