import { casusAudience, type AudienceMember } from '../../domain/casus/casus-audience';
import type { Casus } from '../../domain/casus/casus.schema';
import { reachedZvh } from '../../domain/casus/decision-rights';
import type { RegistryRepository } from '../../domain/registry/registry.repository';
import type { Kamer } from '../../domain/registry/registry.schema';
import { hasDecisionRoleAt } from '../../domain/registry/roles';

/** Who may see a casus now, as loaded from the registry for one card or one delivery. */
export interface CasusAudience {
  /** The worker who submitted first, then the Lokale Kamer's decision makers, then the ZVH's. */
  readonly members: readonly AudienceMember[];
  /** The member with this registry id; undefined for anyone who may not see the casus. */
  get(personId: string): AudienceMember | undefined;
  /** The members holding a decision role at this kamer. */
  decidersAt(kamerId: string | undefined): string[];
}

/**
 * Loads the people a casus can reach (the worker who submitted it, the decision makers of its
 * Lokale Kamer and, once escalation was asked, those of the ZVH) and keeps those who may see it
 * (`casusAudience`). Four registry calls at most, side by side, however many candidates: the
 * organisations are listed once, not read per person. Before an escalation the ZVH's decision
 * makers are not even read: they could not pass the check.
 */
export async function loadCasusAudience(
  registry: RegistryRepository,
  casus: Casus,
  kamer: Kamer,
  today: string,
): Promise<CasusAudience> {
  const zvhId = kamer.type === 'lokale-kamer' && reachedZvh(casus) ? kamer.zvhId : undefined;
  const [creator, lokaal, zvh, organisations] = await Promise.all([
    registry.getPerson(casus.createdBy.id),
    registry.listDecisionMakers(kamer.id),
    zvhId ? registry.listDecisionMakers(zvhId) : Promise.resolve([]),
    registry.listOrganisations(),
  ]);
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  const candidates = [...(creator ? [creator] : []), ...lokaal, ...zvh].map((person) => ({
    person,
    organisation: byId.get(person.organisationId),
  }));
  const members = casusAudience(casus, kamer, candidates, today);
  const index = new Map(members.map((member) => [member.person.id, member]));
  return {
    members,
    get: (personId) => index.get(personId),
    decidersAt: (kamerId) =>
      kamerId
        ? members
            .filter((member) => hasDecisionRoleAt(member.person, kamerId))
            .map((member) => member.person.id)
        : [],
  };
}
