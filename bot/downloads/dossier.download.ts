import { mayExportDossier } from '../../src/domain/casus/dossier-export';
import { fail, ok } from '../../src/domain/shared/result';
import type { DownloadProvider } from '../http/download-routes';
import { dossierFacts } from '../presenters/dossier.presenter';
import { renderDossierReport } from '../reports/dossier-report';
import type { DownloadProviderDependencies } from './download-providers';

/**
 * The casus dossier as a PDF for the casusoverleg. The link only says which casus; the right to
 * export it is checked again on the casus as it is now (one read) and the exporter as the registry
 * has them now, and the export, or its refusal, is recorded. Nothing is written to the casus.
 */
export function dossierDownload(
  deps: Pick<DownloadProviderDependencies, 'casussen' | 'registry' | 'now'>,
): DownloadProvider {
  return async ({ actor, ref, format, access }) => {
    const found = format === 'pdf' ? await deps.casussen.get(ref) : undefined;
    const casus = found?.value;
    if (!casus?.casusNumber || !casus.kamerId) return fail('niet-gevonden');
    const kamer = await deps.registry.getKamer(casus.kamerId);
    if (!kamer) return fail('niet-gevonden');
    const now = deps.now();
    if (!mayExportDossier(actor, casus, kamer, now.toISOString().slice(0, 10))) {
      access.record('export', casus, 'refused');
      return fail('geen-toegang');
    }
    const zvh =
      kamer.type === 'lokale-kamer' ? await deps.registry.getKamer(kamer.zvhId) : undefined;
    const facts = dossierFacts(
      { ...casus, casusNumber: casus.casusNumber },
      { kamer, zvh },
      actor,
      now,
    );
    const body = await renderDossierReport(facts);
    access.record('export', casus, 'shown');
    return ok({
      filename: `dossier-${casus.casusNumber}-${now.toISOString().slice(0, 10)}.pdf`,
      contentType: 'application/pdf',
      body,
    });
  };
}
