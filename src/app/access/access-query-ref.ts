import { z } from 'zod';
import type { AccessQuery } from './access-queries';

const instant = z.iso.datetime();

/**
 * An access-log question as a download link names it: `casus|<id>|<from>|<to>` or
 * `persoon|<id>|<from>|<to>`. Ids and instants only, nothing personal.
 */
export function accessQueryRef(query: AccessQuery): string {
  const id = query.about === 'casus' ? query.casusId : query.personId;
  return [query.about, id, query.period.from, query.period.to].join('|');
}

export function parseAccessQueryRef(ref: string): AccessQuery | undefined {
  const [about, id, from, to, ...rest] = ref.split('|');
  if (rest.length > 0 || !id || id.length > 100) return undefined;
  if (!instant.safeParse(from).success || !instant.safeParse(to).success) return undefined;
  const period = { from: from as string, to: to as string };
  if (about === 'casus') return { about, casusId: id, period };
  if (about === 'persoon') return { about, personId: id, period };
  return undefined;
}
