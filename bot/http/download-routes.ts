import { Router, type Response } from 'express';
import { recorderFor, type AccessRecorder } from '../../src/app/access/access-recorder';
import type { AccessLogStore } from '../../src/app/access/access-log';
import { identifyActor, type Actor } from '../../src/app/identify-actor';
import type {
  DownloadFormat,
  DownloadKind,
  DownloadLinks,
} from '../../src/app/links/download-links';
import type { RegistryRepository } from '../../src/domain/registry/registry.repository';
import type { Result } from '../../src/domain/shared/result';
import type { Logger } from '../../src/logging/logger';
import { StoreUnavailableError } from '../../src/storage/cosmos-errors';
import { escapeHtml, evidencePageCsp, page } from './evidence-page';
import { sensitive } from './evidence-routes';

/** A made document: its file name (without personal data) and its bytes. */
export interface Download {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

/** Why nothing is sent: the document is gone, or the person may not (or no longer) have it. */
export type DownloadRefusal = 'niet-gevonden' | 'geen-toegang';

/**
 * Makes one kind of document for the person the link was issued to, as the registry has them now.
 * It records what it read in `access` (an export, a refusal).
 */
export type DownloadProvider = (request: {
  actor: Actor;
  ref: string;
  format: DownloadFormat;
  access: AccessRecorder;
}) => Promise<Result<Download, DownloadRefusal>>;

export interface DownloadRouteDependencies {
  links: DownloadLinks;
  registry: RegistryRepository;
  accessLog: AccessLogStore;
  providers: Partial<Record<DownloadKind, DownloadProvider>>;
  now(): Date;
  newId(): string;
  logger: Logger;
}

const refusals = {
  ongeldig: {
    status: 404,
    title: 'Deze link werkt niet',
    text: 'De link is niet (meer) geldig. Vraag het document opnieuw aan in casusbot.',
  },
  verlopen: {
    status: 410,
    title: 'Deze link is verlopen',
    text: 'Een downloadlink werkt een kwartier. Vraag het document opnieuw aan in casusbot.',
  },
  'niet-gevonden': {
    status: 404,
    title: 'Niet gevonden',
    text: 'Het gevraagde document bestaat niet (meer).',
  },
  'geen-toegang': {
    status: 403,
    title: 'Geen toegang',
    text: 'Je mag dit document (nu) niet ontvangen. Neem contact op met de functioneel beheerder als dat niet klopt.',
  },
  onbereikbaar: {
    status: 503,
    title: 'Tijdelijk niet beschikbaar',
    text: 'Het document kan nu niet worden gemaakt. Probeer het over een paar minuten opnieuw.',
  },
} as const;

function refuse(res: Response, reason: keyof typeof refusals): void {
  const { status, title, text } = refusals[reason];
  res.status(status).set('content-security-policy', evidencePageCsp).type('html');
  res.send(page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`));
}

/**
 * `GET /download/<token>.<format>`: a document made on request (a dossier, an inzage, an
 * access-log list). No session: the token names the person and the document, and the person is
 * checked again in the registry; the provider checks what they may have.
 */
export function downloadRoutes(deps: DownloadRouteDependencies): Router {
  const router = Router();
  router.get('/download/:file', async (req, res) => {
    sensitive(res);
    const token = req.params.file.replace(/\.(pdf|json|csv)$/, '');
    const claims = await deps.links.verify(token);
    if (!claims.ok) return refuse(res, claims.error === 'expired' ? 'verlopen' : 'ongeldig');
    const { kind, format, ref, sub } = claims.value;
    const provider = deps.providers[kind];
    if (!provider) return refuse(res, 'ongeldig');
    let access: AccessRecorder | undefined;
    try {
      const identified = await identifyActor(deps.registry, sub, {
        demoMode: false,
        today: deps.now().toISOString().slice(0, 10),
      });
      if (!identified.ok) return refuse(res, 'geen-toegang');
      access = recorderFor(deps, deps.logger, identified.actor, `download.${kind}`);
      const made = await provider({ actor: identified.actor, ref, format, access });
      if (!made.ok) {
        deps.logger.info({ kind, reason: made.error }, 'download refused');
        return refuse(res, made.error);
      }
      deps.logger.info({ kind, format }, 'document downloaded');
      res.type(made.value.contentType);
      const filename = made.value.filename.replace(/[^A-Za-z0-9._-]/g, '_');
      res.set('content-disposition', `attachment; filename="${filename}"`);
      res.send(made.value.body);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      deps.logger.warn({ err: error.cause, kind }, 'download not made: store unavailable');
      refuse(res, 'onbereikbaar');
    } finally {
      await access?.settled();
    }
  });
  return router;
}
