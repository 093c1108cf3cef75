// Sends requests to /api/messages, `concurrency` at a time, and times each answer from here.
import { connect } from 'node:net';
import type { Planned } from './plan';

export interface Answered {
  request: Planned;
  /** Undefined when no answer came (the connection failed, or the wait ran out). */
  status: number | undefined;
  ms: number;
  text: string;
  failure?: string;
}

/** Long past Teams' 5 s: an answer this late is counted as slow, none at all as none. */
const GIVE_UP_MS = 20_000;

/**
 * A big body on a raw connection of its own: the bot may answer (413, 401) before it has read it
 * all, and an HTTP client that is still writing may then report the failed write instead of the
 * answer (or lose a later request on that connection). Here the answer's bytes are read as they
 * come, whatever happens to the write.
 */
function sendAlone(
  url: string,
  request: Planned,
  headers: Record<string, string>,
  started: number,
): Promise<Answered> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    let received = '';
    let done = false;
    const socket = connect(Number(port), hostname);
    const finish = (failure?: string) => {
      if (done) return;
      done = true;
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1];
      const text = received.slice(received.indexOf('\r\n\r\n') + 4);
      const ms = performance.now() - started;
      resolve(
        status
          ? { request, status: Number(status), ms, text }
          : { request, status: undefined, ms, text: '', failure: failure ?? 'closed' },
      );
    };
    socket.setTimeout(GIVE_UP_MS, () => finish('timeout'));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      const head = received.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(received.slice(0, head))?.[1];
      if (head >= 0 && length !== undefined && received.length >= head + 4 + Number(length))
        finish();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => finish(error.code));
    socket.on('close', () => finish());
    const lines = Object.entries({ ...headers, 'content-length': String(request.body.length) });
    socket.write(
      `POST /api/messages HTTP/1.1\r\nHost: ${hostname}\r\n${lines.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`,
    );
    socket.write(request.body);
  });
}

async function sendOne(
  url: string,
  request: Planned,
  authorization: string | undefined,
): Promise<Answered> {
  const headers: Record<string, string> = {};
  if (request.contentType !== undefined) headers['content-type'] = request.contentType;
  if (authorization !== undefined) headers.authorization = authorization;
  // A string body gets text/plain from fetch; bytes get no content type at all.
  const body =
    typeof request.body === 'string' && request.contentType === undefined
      ? Buffer.from(request.body)
      : request.body;
  const started = performance.now();
  if (request.kind === 'big-body') return sendAlone(url, request, headers, started);
  try {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(GIVE_UP_MS),
    });
    const text = await response.text();
    return { request, status: response.status, ms: performance.now() - started, text };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const failure = cause?.code ?? cause?.message ?? String(error);
    return { request, status: undefined, ms: performance.now() - started, text: '', failure };
  }
}

/** Every request, in order, `concurrency` in flight; `each` sees every answer as it comes. */
export async function sendAll(
  url: string,
  requests: readonly Planned[],
  options: {
    concurrency: number;
    authorization(request: Planned): string | undefined;
    each(answered: Answered): void;
  },
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const request = requests[next++] as Planned;
      options.each(await sendOne(url, request, options.authorization(request)));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
}
