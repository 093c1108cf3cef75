import { Router, type Response } from 'express';
import { evidenceFacts } from '../../src/app/invitation/evidence-facts';
import { openDeclarationByLink } from '../../src/app/invitation/open-declaration';
import type { AccessLogStore } from '../../src/app/access/access-log';
import type { LinkTokens } from '../../src/app/links/link-tokens';
import type { CasusRepository } from '../../src/domain/casus/casus.repository';
import type { RegistryRepository } from '../../src/domain/registry/registry.repository';
import type { Logger } from '../../src/logging/logger';
import { StoreUnavailableError } from '../../src/storage/cosmos-errors';
import { renderEvidenceReport } from '../reports/evidence-report';
import { declarationPage, evidencePageCsp, refusalPage } from './evidence-page';

export interface EvidenceRouteDependencies {
  casussen: CasusRepository;
  registry: RegistryRepository;
  /** The same instance that issues the links ("Verklaring bekijken"). */
  tokens: LinkTokens;
  accessLog: AccessLogStore;
  now(): Date;
  newId(): string;
  logger: Logger;
}

/** A page with personal data: never cached, never framed, no referrer, no script. */
export function sensitive(res: Response): Response {
  return res.set({
    'cache-control': 'no-store',
    pragma: 'no-cache',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cross-origin-resource-policy': 'same-origin',
  });
}

/**
 * `GET /verklaring/<token>` (the signed declaration as a page) and `…/rapport.pdf` (the evidence
 * report). No session: the short-lived token says who it was issued to, and that person is
 * checked again on every request as if they opened the casus now.
 */
export function evidenceRoutes(deps: EvidenceRouteDependencies): Router {
  const router = Router();
  const open = async (res: Response, token: string, kind: 'page' | 'report') => {
    sensitive(res);
    let opened;
    try {
      opened = await openDeclarationByLink(
        deps,
        token,
        kind === 'page' ? 'verklaring-bekijken' : 'bewijsrapport',
      );
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      deps.logger.warn({ err: error.cause }, 'declaration not opened: store unavailable');
      const refused = refusalPage('onbereikbaar');
      res.status(refused.status).set('content-security-policy', evidencePageCsp).type('html');
      res.send(refused.html);
      return;
    }
    if (!opened.ok) {
      deps.logger.info({ reason: opened.error, kind }, 'declaration link refused');
      const refused = refusalPage(opened.error);
      res.status(refused.status).set('content-security-policy', evidencePageCsp).type('html');
      res.send(refused.html);
      return;
    }
    // A read of personal data: logged by ids, never by content.
    deps.logger.info(
      { casusId: opened.value.casus.id, invitationId: opened.value.invitation.id, kind },
      'signed declaration opened',
    );
    const facts = evidenceFacts(opened.value);
    if (kind === 'page') {
      res.set('content-security-policy', evidencePageCsp).type('html');
      res.send(declarationPage(facts, `${encodeURIComponent(token)}/rapport.pdf`));
      return;
    }
    const pdf = await renderEvidenceReport(facts, { generatedAt: deps.now() });
    res.type('application/pdf');
    res.set(
      'content-disposition',
      `inline; filename="bewijsrapport-${facts.casusNumber.replace(/[^A-Z0-9-]/g, '')}.pdf"`,
    );
    res.send(pdf);
  };
  router.get('/verklaring/:token', (req, res, next) => {
    open(res, req.params.token, 'page').catch(next);
  });
  router.get('/verklaring/:token/rapport.pdf', (req, res, next) => {
    open(res, req.params.token, 'report').catch(next);
  });
  return router;
}
