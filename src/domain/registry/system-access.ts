import type { Organisation, Person } from './registry.schema';

export type AccessRefusal =
  | 'unknown-person'
  | 'unknown-organisation'
  | 'not-a-vaste-deelnemer'
  | 'no-screening'
  | 'commercial-work';

export type SystemAccess =
  { ok: true; person: Person; organisation: Organisation } | { ok: false; reason: AccessRefusal };

/**
 * WGS art. 1.8 lid 2 (with art. 1.4 lid 3): only personnel of a vaste deelnemer, screened (VOG or
 * screening), and for private participants without commercial work for them, may use the joint
 * system. Incidentele deelnemers never get access (BGS art. 2.21).
 */
export function decideSystemAccess(
  person: Person | undefined,
  organisation: Organisation | undefined,
  today: string,
): SystemAccess {
  if (!person) return { ok: false, reason: 'unknown-person' };
  if (!organisation || organisation.id !== person.organisationId) {
    return { ok: false, reason: 'unknown-organisation' };
  }
  if (organisation.category === 'incidentele-deelnemer')
    return { ok: false, reason: 'not-a-vaste-deelnemer' };
  if (!person.screening || person.screening.date > today)
    return { ok: false, reason: 'no-screening' };
  if (organisation.category === 'private-vaste-deelnemer' && person.commercialWorkForParticipant) {
    return { ok: false, reason: 'commercial-work' };
  }
  return { ok: true, person, organisation };
}
