import { askAccessLog } from '../../src/app/access/access-queries';
import { parseAccessQueryRef } from '../../src/app/access/access-query-ref';
import { fail, ok } from '../../src/domain/shared/result';
import type { DownloadProvider } from '../http/download-routes';
import { accessLines, accessLinesCsv } from '../presenters/access-lines';
import type { DownloadProviderDependencies } from './download-providers';

/**
 * The privacy officer's list as a file: CSV for a spreadsheet, JSON for another system. Making
 * it is itself recorded: an export of who saw a casus is a read of that casus's access.
 */
export function accessLogDownload(
  deps: Pick<DownloadProviderDependencies, 'accessLog' | 'registry'>,
): DownloadProvider {
  return async ({ actor, ref, format, access }) => {
    const query = parseAccessQueryRef(ref);
    if (!query) return fail('niet-gevonden');
    const subject = query.about === 'casus' ? { id: query.casusId } : undefined;
    const answer = await askAccessLog(deps.accessLog, actor, query);
    if (!answer.ok) {
      access.record('export', subject, 'refused');
      return fail('geen-toegang');
    }
    access.record('export', subject, 'shown');
    const lines = accessLines(
      answer.value.records,
      await deps.registry.listKamers(),
      await deps.registry.listOrganisations(),
    );
    const stamp = query.period.from.slice(0, 10);
    if (format === 'json') {
      return ok({
        filename: `toegangslog-${query.about}-${stamp}.json`,
        contentType: 'application/json',
        body: JSON.stringify(
          { query, truncated: answer.value.truncated, records: answer.value.records },
          null,
          2,
        ),
      });
    }
    return ok({
      filename: `toegangslog-${query.about}-${stamp}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: accessLinesCsv(lines),
    });
  };
}
