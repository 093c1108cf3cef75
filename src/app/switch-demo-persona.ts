import type { RegistryRepository } from '../domain/registry/registry.repository';
import { decideSystemAccess } from '../domain/registry/system-access';
import { fail, ok, type Result } from '../domain/shared/result';
import type { Actor } from './identify-actor';

export type PersonaRefusal = 'not-demo-mode' | 'unknown-persona';

/**
 * Demo mode lets one person try every role by acting as another registry person. Only persons who
 * would themselves pass the art. 1.8 lid 2 check can be chosen, so a persona never widens access.
 */
export async function switchDemoPersona(
  registry: RegistryRepository,
  aadObjectId: string,
  personId: string,
  options: { demoMode: boolean; today: string },
): Promise<Result<Actor, PersonaRefusal>> {
  if (!options.demoMode) return fail('not-demo-mode');
  const person = await registry.getPerson(personId);
  const organisation = person ? await registry.getOrganisation(person.organisationId) : undefined;
  const access = decideSystemAccess(person, organisation, options.today);
  if (!access.ok) return fail('unknown-persona');
  await registry.setDemoPersona(aadObjectId, personId);
  return ok({
    aadObjectId,
    person: access.person,
    organisation: access.organisation,
    viaDemoPersona: true,
  });
}

/** The persons a demo user may act as. */
export async function listDemoPersonas(registry: RegistryRepository, today: string) {
  const persons = await registry.listPersons();
  const organisations = new Map((await registry.listOrganisations()).map((o) => [o.id, o]));
  return persons.filter(
    (person) => decideSystemAccess(person, organisations.get(person.organisationId), today).ok,
  );
}
