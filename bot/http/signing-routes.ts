import express, { type ErrorRequestHandler, type Router } from 'express';
import type { SigningRefusal, SigningService } from '../../src/app/invitation/signing';
import type { Logger } from '../../src/logging/logger';
import type { SigningAssets } from './signing-assets';
import { setSigningHeaders } from './signing-headers';
import { renderRefusalPage, renderSigningPage, SIGNING_ASSET_PATHS } from './signing-html';

/** A drawn signature is tens of kilobytes of points and SVG; the schema's limits fit well inside. */
const BODY_LIMIT = '300kb';
/** As the evidence record's field allows. */
const USER_AGENT_MAX = 500;

export interface SigningRoutesDependencies {
  service: SigningService;
  assets(): Promise<SigningAssets>;
  logger: Logger;
}

/** What the page's script gets back when it posts; `kind` beyond the use case's refusals is this edge's. */
export type SigningApiRefusal = {
  ok: false;
  kind: SigningRefusal['kind'] | 'ongeldig-verzoek' | 'fout';
  message: string;
};

/** Each refusal as HTTP: the client's mistake (4xx), or the store that did not answer (503). */
export function refusalStatus(kind: SigningRefusal['kind']): number {
  switch (kind) {
    case 'ongeldige-link':
      return 400;
    case 'andere-gebruiker':
      return 403;
    case 'al-ondertekend':
    case 'tekst-gewijzigd':
      return 409;
    case 'verlopen':
    case 'niet-meer-geldig':
      return 410;
    case 'onvolledig':
      return 422;
    case 'tijdelijk-niet-beschikbaar':
    case 'niet-zeker':
      return 503;
  }
}

const UNREADABLE: SigningApiRefusal = {
  ok: false,
  kind: 'ongeldig-verzoek',
  message: 'Het verzoek kon niet worden gelezen. Er is niets opgeslagen.',
};
const TOO_LARGE: SigningApiRefusal = {
  ok: false,
  kind: 'ongeldig-verzoek',
  message:
    'Uw handtekening is te groot om te versturen. Er is niets opgeslagen. Wis het vak en teken opnieuw.',
};
/** The use case threw: whether its write happened is not known here, so the message says so. */
const FAILED: SigningApiRefusal = {
  ok: false,
  kind: 'fout',
  message:
    'Er ging iets mis bij het ondertekenen. Of uw handtekening is opgeslagen, is niet zeker: open de link opnieuw om te zien of de verklaring al is ondertekend.',
};

/**
 * The signing page (`GET /ondertekenen?token=…`), its bundle, and `POST /api/ondertekenen`.
 * The post must be JSON: a cross-site form cannot send that without a CORS preflight, which this
 * server never answers, so another site cannot sign with a token it got hold of in a page.
 */
export function signingRoutes(deps: SigningRoutesDependencies): Router {
  const { logger, service } = deps;
  const router = express.Router();

  router.get('/ondertekenen', async (req, res) => {
    setSigningHeaders(res, 'page');
    const token: unknown = req.query.token;
    try {
      const view = await service.view(token);
      if (!view.ok) {
        logger.info({ refusal: view.error.kind }, 'signing page refused');
        res.status(refusalStatus(view.error.kind)).type('html').send(renderRefusalPage(view.error));
        return;
      }
      res.type('html').send(renderSigningPage(view.value, typeof token === 'string' ? token : ''));
    } catch (error) {
      logger.error({ err: error }, 'signing page failed');
      res
        .status(500)
        .type('html')
        .send(
          renderRefusalPage({
            kind: 'tijdelijk-niet-beschikbaar',
            message:
              'Er ging iets mis bij het openen van de verklaring. Probeer het later opnieuw.',
          }),
        );
    }
  });

  const asset = (path: string, type: string, pick: (assets: SigningAssets) => string) =>
    router.get(path, async (_req, res) => {
      setSigningHeaders(res, 'asset');
      try {
        res.type(type).send(pick(await deps.assets()));
      } catch (error) {
        logger.error({ err: error, path }, 'signing page bundle unavailable');
        res.status(500).type('text/plain').send('internal error');
      }
    });
  asset(SIGNING_ASSET_PATHS.script, 'application/javascript; charset=utf-8', (a) => a.script);
  asset(SIGNING_ASSET_PATHS.style, 'text/css; charset=utf-8', (a) => a.style);

  router.post(
    '/api/ondertekenen',
    (req, res, next) => {
      setSigningHeaders(res, 'api');
      if (req.is('application/json')) return next();
      res.status(415).json(UNREADABLE);
    },
    express.json({ limit: BODY_LIMIT }),
    async (req, res) => {
      const userAgent = (req.get('user-agent') ?? '').slice(0, USER_AGENT_MAX);
      try {
        const signed = await service.sign(req.body, { userAgent });
        if (signed.ok) {
          res.json({ ok: true, ...signed.value });
          return;
        }
        logger.info({ refusal: signed.error.kind }, 'signature refused');
        const refusal: SigningApiRefusal = { ok: false, ...signed.error };
        res.status(refusalStatus(signed.error.kind)).json(refusal);
      } catch (error) {
        logger.error({ err: error }, 'signing failed');
        res.status(500).json(FAILED);
      }
    },
  );

  // body-parser's refusals (malformed JSON, too large) as the page's script reads them.
  const bodyErrors: ErrorRequestHandler = (error: { status?: number }, req, res, next) => {
    if (req.path !== '/api/ondertekenen' || typeof error.status !== 'number' || error.status >= 500)
      return next(error);
    logger.warn({ status: error.status }, 'signature post refused');
    res.status(error.status).json(error.status === 413 ? TOO_LARGE : UNREADABLE);
  };
  router.use(bodyErrors);
  return router;
}
