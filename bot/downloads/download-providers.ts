import type { AccessLogStore } from '../../src/app/access/access-log';
import type { DownloadKind } from '../../src/app/links/download-links';
import type { CasusRepository } from '../../src/domain/casus/casus.repository';
import type { RegistryRepository } from '../../src/domain/registry/registry.repository';
import type { DownloadProvider } from '../http/download-routes';
import { accessLogDownload } from './access-log.download';
import { dossierDownload } from './dossier.download';
import { inzageDownload } from './inzage.download';

export interface DownloadProviderDependencies {
  casussen: CasusRepository;
  registry: RegistryRepository;
  accessLog: AccessLogStore;
  now(): Date;
}

/** Which document each download kind makes. */
export function downloadProviders(
  deps: DownloadProviderDependencies,
): Partial<Record<DownloadKind, DownloadProvider>> {
  return {
    dossier: dossierDownload(deps),
    toegangslog: accessLogDownload(deps),
    inzage: inzageDownload(deps),
  };
}
