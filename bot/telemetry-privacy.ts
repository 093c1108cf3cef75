import type * as AzureMonitor from '@azure/monitor-opentelemetry';

type MonitorOptions = AzureMonitor.AzureMonitorOpenTelemetryOptions;
type SpanProcessor = NonNullable<MonitorOptions['spanProcessors']>[number];
type ReadableSpan = Parameters<SpanProcessor['onEnd']>[0];
type Attributes = ReadableSpan['attributes'];

/**
 * Who sent a request and from where: client and peer addresses (also a forwarded-for header),
 * user agents and end-user ids. The employees' addresses and browsers are personal data, and
 * nothing in operating the bot needs them.
 */
const IDENTIFYING_ATTRIBUTES = [
  'client.address',
  'client.port',
  'http.client_ip',
  'net.peer.ip',
  'net.peer.port',
  'net.sock.peer.addr',
  'net.sock.peer.port',
  'network.peer.address',
  'network.peer.port',
  'microsoft.client.ip',
  'enduser.id',
  'enduser.pseudo.id',
  'http.user_agent',
  'user_agent.original',
  'url.query',
];
const URL_ATTRIBUTES = ['http.url', 'url.full'];
const PATH_ATTRIBUTES = ['http.target', 'url.path'];

/**
 * Path segments holding an id become `:id`: Cosmos DB documents are keyed by Entra object ids,
 * Bot Framework URLs carry conversation ids, and an operation per id would be useless anyway.
 * Any segment with a digit, ':', '%' or '@' counts as an id, version segments (v3) excepted.
 */
export function templatePath(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      /[\d:%@]/.test(segment) && !/^v\d+(\.\d+)*$/i.test(segment) ? ':id' : segment,
    )
    .join('/');
}

/** Origin and templated path: a query string or fragment may carry anything, user info is a secret. */
function sanitizeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${templatePath(parsed.pathname)}`;
  } catch {
    return templatePath(url.replace(/[?#].*$/s, ''));
  }
}

function sanitizePath(path: string): string {
  return templatePath(path.replace(/[?#].*$/s, ''));
}

/** Keeps method, path, status and timing; removes what identifies the user or may carry content. */
export function scrubAttributes(attributes: Attributes): void {
  for (const key of IDENTIFYING_ATTRIBUTES) delete attributes[key];
  for (const key of URL_ATTRIBUTES) {
    const value = attributes[key];
    if (value !== undefined) attributes[key] = sanitizeUrl(String(value));
  }
  for (const key of PATH_ATTRIBUTES) {
    const value = attributes[key];
    if (value !== undefined) attributes[key] = sanitizePath(String(value));
  }
}

/**
 * Exception messages can quote their input (a JSON parse error quotes the body it choked on), so
 * only the exception type and the stack frames are kept.
 */
function scrubException(attributes: Attributes): void {
  delete attributes['exception.message'];
  const stack = attributes['exception.stacktrace'];
  if (stack !== undefined) {
    attributes['exception.stacktrace'] = String(stack)
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n');
  }
}

/**
 * The HTTP instrumentation (0.221, distro 1.20+) follows only the stable semantic conventions: a
 * server span has `url.path` but neither `http.url` nor `http.target`, and without an
 * `http.route` the exporter names the request by its method alone ("POST"). The templated path
 * serves as that route, so requests keep names such as "POST /api/messages" and "GET /healthz".
 */
function routeFromPath(attributes: Attributes): void {
  const path = attributes['url.path'];
  if (path !== undefined && attributes['http.route'] === undefined)
    attributes['http.route'] = sanitizePath(String(path));
}

/**
 * Runs when a span ends, before the batch processor hands it to the exporter, so nothing it
 * removes is ever buffered for export.
 */
export class PrivacySpanProcessor implements SpanProcessor {
  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    scrubAttributes(span.attributes);
    routeFromPath(span.attributes);
    for (const event of span.events) {
      if (event.attributes === undefined) continue;
      scrubAttributes(event.attributes);
      if (event.name === 'exception') scrubException(event.attributes);
    }
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
