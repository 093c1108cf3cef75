import type { Kamer, Organisation, Person } from '../registry/registry.schema';
import { decideSystemAccess } from '../registry/system-access';
import type { Casus } from './casus.schema';
import { mayView } from './decision-rights';

/** A registry person who might be shown a casus, with their organisation as the registry has it. */
export interface AudienceCandidate {
  person: Person;
  /** Undefined when the registry no longer has it: then the person has no access. */
  organisation: Organisation | undefined;
}

/** Someone who may see the casus now, with the organisation the check admitted them under. */
export interface AudienceMember {
  person: Person;
  organisation: Organisation;
}

type AudienceFacts = Pick<Casus, 'state' | 'kamerId' | 'createdBy' | 'audit'>;

/**
 * The one check behind "casus <nummer>", a notification, an update of a card copy in place and a
 * card's refresh list: may this person see this casus today? Only a submitted casus, only at its
 * own Lokale Kamer, only for someone admitted to the system (WGS art. 1.8 lid 2: vaste deelnemer,
 * screened, no commercial work for a private participant) who may view it (the intake side, the
 * Lokale Kamer's decision makers of an overheidsdeelnemer, the ZVH's once escalation was asked).
 */
export function mayViewCasus(
  candidate: AudienceCandidate,
  casus: AudienceFacts,
  kamer: Kamer,
  today: string,
): candidate is AudienceMember {
  if (casus.state === 'concept' || casus.kamerId !== kamer.id) return false;
  const access = decideSystemAccess(candidate.person, candidate.organisation, today);
  return access.ok && mayView(access.person, access.organisation, casus, kamer);
}

/**
 * Of these candidates, who may receive the casus (each person once, in the order given). Anyone
 * not returned gets no casus content: no notification, no update of a copy, no refresh.
 */
export function casusAudience(
  casus: AudienceFacts,
  kamer: Kamer,
  candidates: Iterable<AudienceCandidate>,
  today: string,
): AudienceMember[] {
  const seen = new Set<string>();
  const members: AudienceMember[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.person.id)) continue;
    seen.add(candidate.person.id);
    if (mayViewCasus(candidate, casus, kamer, today)) members.push(candidate);
  }
  return members;
}
