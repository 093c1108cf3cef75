import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Logger } from '../../src/logging/logger';
import type { CasusbotAdapter } from '../adapter';
import type { CasusBot } from '../casus-bot';
import type { SigningService } from '../../src/app/invitation/signing';
import type { BotTokenVerifier } from './bot-token';
import { evidenceRoutes, type EvidenceRouteDependencies } from './evidence-routes';
import { downloadRoutes, type DownloadRouteDependencies } from './download-routes';
import { messagesEndpoint } from './messages-endpoint';
import { signingAssetsLoader } from './signing-assets';
import { signingRoutes } from './signing-routes';

export interface HttpDependencies {
  adapter: CasusbotAdapter;
  bot: CasusBot;
  isStoreHealthy(): Promise<boolean>;
  logger: Logger;
  /** Production: every request needs a valid Bot Framework token. */
  tokens?: BotTokenVerifier;
  /** Production: only activities of this Entra tenant are accepted. */
  allowedTenantId?: string;
  /** The signed declarations' viewing links (`/verklaring/<token>`). */
  evidence?: EvidenceRouteDependencies;
  /** Documents made on request: dossier exports, inzages, access-log lists. */
  downloads?: DownloadRouteDependencies;
  /** The geheimhoudingsverklaring's signing page and its API; not served without it. */
  signing?: SigningService;
}

const HEADERS_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 10_000;

/** Tracks turns in flight so shutdown can let them finish. */
class InFlight {
  private readonly pending = new Set<Promise<unknown>>();
  track(work: Promise<unknown>): void {
    this.pending.add(work);
    // Settled either way; a rejection is the tracked promise's owner's to handle.
    const forget = () => this.pending.delete(work);
    work.then(forget, forget);
  }
  async settle(timeoutMs: number): Promise<boolean> {
    const timeout = new Promise<false>((resolve) => setTimeout(resolve, timeoutMs, false).unref());
    return Promise.race([Promise.allSettled([...this.pending]).then(() => true), timeout]);
  }
}

export interface RunningHttpServer {
  url: string;
  /** Stops accepting, lets turns in flight finish (up to the timeout), then closes every connection. */
  close(timeoutMs: number): Promise<void>;
}

export function createHttpApp(
  deps: HttpDependencies,
  state: { shuttingDown: boolean },
  inFlight: InFlight,
): Express {
  const app = express();
  app.disable('x-powered-by');
  // No answer here is cached (turns, no-store pages): hashing each one for an ETag is wasted work.
  app.set('etag', false);

  app.post(
    '/api/messages',
    ...messagesEndpoint({
      adapter: deps.adapter,
      logic: (context) => deps.bot.run(context),
      logger: deps.logger,
      tokens: deps.tokens,
      allowedTenantId: deps.allowedTenantId,
      track: (work) => inFlight.track(work),
    }),
  );

  app.get('/healthz', async (_req, res) => {
    const healthy = !state.shuttingDown && (await deps.isStoreHealthy());
    res.status(healthy ? 200 : 503).json({
      status: healthy ? 'ok' : state.shuttingDown ? 'shutting-down' : 'store-unavailable',
    });
  });

  if (deps.evidence) app.use(evidenceRoutes(deps.evidence));
  if (deps.downloads) app.use(downloadRoutes(deps.downloads));
  if (deps.signing) {
    app.use(
      signingRoutes({ service: deps.signing, assets: signingAssetsLoader(), logger: deps.logger }),
    );
  }

  app.all('/api/messages', (_req, res) => {
    res.status(405).set('allow', 'POST').json({ error: 'method not allowed' });
  });
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });

  // Malformed or oversized bodies (body-parser's 400/413/415) and anything a route let through.
  const errors: ErrorRequestHandler = (
    error: { status?: number; type?: string },
    _req,
    res,
    _next,
  ) => {
    const status =
      typeof error.status === 'number' && error.status >= 400 && error.status < 500
        ? error.status
        : 500;
    if (status === 500) deps.logger.error({ err: error }, 'http request failed');
    else
      deps.logger.warn(
        { status, type: typeof error.type === 'string' ? error.type.slice(0, 64) : undefined },
        'request refused',
      );
    res.status(status).json({ error: status === 500 ? 'internal error' : 'bad request' });
  };
  app.use(errors);
  return app;
}

export async function startHttpServer(
  deps: HttpDependencies,
  options: { port: number; host: string },
): Promise<RunningHttpServer> {
  const state = { shuttingDown: false };
  const inFlight = new InFlight();
  // A Teams request arrives whole in well under a second; one that trickles in is let go (408)
  // instead of holding a connection for Node's default five minutes.
  const server: Server = createServer(
    {
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: 1000,
    },
    createHttpApp(deps, state, inFlight),
  ).listen(options.port, options.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const host = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${host}:${port}`,
    async close(timeoutMs) {
      state.shuttingDown = true;
      const closed = once(server, 'close');
      server.close();
      server.closeIdleConnections();
      const settled = await inFlight.settle(timeoutMs);
      if (!settled) deps.logger.warn({ timeoutMs }, 'turns still running at shutdown timeout');
      server.closeAllConnections();
      await closed;
    },
  };
}
