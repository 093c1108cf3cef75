import type { Kamer } from '../registry/registry.schema';
import { mayViewCasus, type AudienceCandidate } from './casus-audience';
import type { Casus } from './casus.schema';
import { authorityAt, reachedZvh } from './decision-rights';

type DossierFacts = Pick<Casus, 'state' | 'kamerId' | 'createdBy' | 'audit'>;

/**
 * May this person take the casus's dossier out of the system as a PDF, for the casusoverleg?
 * Whoever may see the casus now and is its procesregisseur: of its Lokale Kamer, or of the ZVH
 * once an escalation was asked. A PDF leaves the access control and the access log behind, so the
 * right is narrower than seeing: the procesregisseur prepares and leads the casusoverleg;
 * weegtafelleden, the intake side and every other reader keep reading it in Teams, where each
 * read is logged. Incidentele deelnemers never see the casus, so never export it.
 */
export function mayExportDossier(
  candidate: AudienceCandidate,
  casus: DossierFacts,
  kamer: Kamer,
  today: string,
): boolean {
  if (!mayViewCasus(candidate, casus, kamer, today)) return false;
  const { person, organisation } = candidate;
  const directs = (table: 'lokale-kamer' | 'zvh') =>
    authorityAt(table, person, organisation, casus, kamer)?.role === 'procesregisseur';
  return directs('lokale-kamer') || (reachedZvh(casus) && directs('zvh'));
}
