import type { AccessRecord } from '../../domain/access/access-record.schema';
import { ok, type Result } from '../../domain/shared/result';
import type { AccessLogStore } from '../access/access-log';
import type { AccessRecorder } from '../access/access-recorder';
import type { Actor } from '../identify-actor';
import {
  asContactpunt,
  casussenUnderKeys,
  type BetrokkeneKeys,
  type BetrokkeneServices,
  type CasusOfBetrokkene,
  type NotContactpunt,
} from './find-betrokkene';

/** Access lines read per casus for its recipients: more than this says so in the inzage. */
export const MAX_ACCESS_PER_CASUS = 1000;

/** One casus of the inzage, with who read it according to the access log. */
export interface InzageSource extends CasusOfBetrokkene {
  access: AccessRecord[];
  /** The access log held more lines than were read. */
  accessTruncated: boolean;
}

/**
 * What the inzage for one betrokkene is made of: every casus under their keys, each with its
 * access log (the recipients: who saw it), for the contactpunt only. Making it is an export of
 * each casus, recorded per casus (and a refusal as such).
 */
export async function gatherInzage(
  services: Pick<BetrokkeneServices, 'casussen' | 'registry' | 'now'> & {
    accessLog: AccessLogStore;
    access: AccessRecorder;
  },
  actor: Actor,
  keys: BetrokkeneKeys,
): Promise<Result<InzageSource[], NotContactpunt>> {
  const allowed = asContactpunt(actor, services.access, 'export');
  if (!allowed.ok) return allowed;
  const found = await casussenUnderKeys(services, keys);
  const to = services.now().toISOString();
  const sources = await Promise.all(
    found.map(async (casus) => {
      const records = await services.accessLog.ofCasus(
        casus.casus.id,
        { from: casus.casus.createdAt, to },
        MAX_ACCESS_PER_CASUS + 1,
      );
      return {
        ...casus,
        access: records.slice(0, MAX_ACCESS_PER_CASUS),
        accessTruncated: records.length > MAX_ACCESS_PER_CASUS,
      };
    }),
  );
  for (const { casus } of sources) services.access.record('export', casus, 'shown');
  return ok(sources);
}
