import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import type { CloudAdapter } from 'botbuilder';
import { z } from 'zod';
import type { CasusBot } from '../casus-bot';
import type { Logger } from '../../src/logging/logger';

export interface HttpDependencies {
  adapter: CloudAdapter;
  bot: CasusBot;
  isStoreHealthy(): Promise<boolean>;
  logger: Logger;
  /** Production: only activities of this Entra tenant are accepted; others are refused unread. */
  allowedTenantId?: string;
  /** Production: a request without a bearer token is refused before the adapter sees it. */
  requireBearerToken: boolean;
}

/** The tenant an activity says it comes from (Teams sets both; either is enough to refuse). */
const tenantOfActivity = z
  .object({
    channelData: z.looseObject({ tenant: z.looseObject({ id: z.string() }).optional() }).optional(),
    conversation: z.looseObject({ tenantId: z.string().optional() }).optional(),
  })
  .transform((activity) => activity.channelData?.tenant?.id ?? activity.conversation?.tenantId);

/** Tracks requests in flight so shutdown can let them finish. */
class InFlight {
  private readonly pending = new Set<Promise<unknown>>();
  track(work: Promise<unknown>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
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
  // Teams activities are small; a large body is a mistake or an attack.
  app.use(express.json({ limit: '256kb' }));

  /**
   * Refusals that need no state and no token validation come first: they are cheap, and they are
   * logged without the activity's content.
   */
  const gate: RequestHandler = (req, res, next) => {
    if (deps.allowedTenantId) {
      const tenant = tenantOfActivity.safeParse(req.body);
      if (!tenant.success || tenant.data !== deps.allowedTenantId) {
        deps.logger.warn(
          { tenant: tenant.success ? tenant.data : undefined },
          'refused: activity from another tenant',
        );
        res.status(403).json({ error: 'tenant not allowed' });
        return;
      }
    }
    if (deps.requireBearerToken && !/^Bearer \S+/.test(req.get('authorization') ?? '')) {
      deps.logger.warn({ path: req.path }, 'refused: no Bot Framework token');
      res.status(401).json({ error: 'unauthorized' });
      return;
    }
    next();
  };

  const messages: RequestHandler = (req, res) => {
    const work = deps.adapter.process(req, res, (context) => deps.bot.run(context));
    inFlight.track(work);
    return work;
  };
  app.post('/api/messages', gate, messages);

  app.get('/healthz', async (_req, res) => {
    const healthy = !state.shuttingDown && (await deps.isStoreHealthy());
    res.status(healthy ? 200 : 503).json({
      status: healthy ? 'ok' : state.shuttingDown ? 'shutting-down' : 'store-unavailable',
    });
  });

  const errors: ErrorRequestHandler = (
    error: { status?: number; type?: string },
    _req,
    res,
    _next,
  ) => {
    const status = typeof error.status === 'number' && error.status < 500 ? error.status : 500;
    if (status === 500) deps.logger.error({ err: error }, 'http request failed');
    else deps.logger.warn({ status, type: error.type }, 'bad http request');
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
  const server: Server = createHttpApp(deps, state, inFlight).listen(options.port, options.host);
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
