import { gatherInzage } from '../../src/app/betrokkene/gather-inzage';
import { parseInzageRef } from '../../src/app/betrokkene/inzage-ref';
import { fail, ok } from '../../src/domain/shared/result';
import type { DownloadProvider } from '../http/download-routes';
import { inzageDocument } from '../reports/inzage-document';
import { renderInzageReport } from '../reports/inzage-report';
import type { DownloadProviderDependencies } from './download-providers';

/**
 * The inzage for a betrokkene (art. 15 AVG) as the contactpunt hands it over: a readable PDF, or
 * JSON. The link names the betrokkene by their search keys only; the casussen are found again
 * when it is opened, and making it is an export of each of them.
 */
export function inzageDownload(deps: DownloadProviderDependencies): DownloadProvider {
  return async ({ actor, ref, format, access }) => {
    const keys = parseInzageRef(ref);
    if (!keys) return fail('niet-gevonden');
    const gathered = await gatherInzage({ ...deps, access }, actor, keys);
    if (!gathered.ok) return fail('geen-toegang');
    if (gathered.value.length === 0) return fail('niet-gevonden');
    const [kamers, organisations] = await Promise.all([
      deps.registry.listKamers(),
      deps.registry.listOrganisations(),
    ]);
    const at = deps.now();
    const inzage = inzageDocument(gathered.value, { actor, at, kamers, organisations });
    const stamp = at.toISOString().slice(0, 10);
    if (format === 'json') {
      return ok({
        filename: `inzage-${stamp}.json`,
        contentType: 'application/json',
        body: JSON.stringify(inzage, null, 2),
      });
    }
    if (format !== 'pdf') return fail('niet-gevonden');
    return ok({
      filename: `inzage-${stamp}.pdf`,
      contentType: 'application/pdf',
      body: await renderInzageReport(inzage),
    });
  };
}
