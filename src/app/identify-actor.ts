import type { RegistryRepository } from '../domain/registry/registry.repository';
import type { Organisation, Person } from '../domain/registry/registry.schema';
import { decideSystemAccess, type AccessRefusal } from '../domain/registry/system-access';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Entra object ids are GUIDs; anything else is nobody, and is not sent to the store as a key. */
export const isEntraObjectId = (id: string | undefined): id is string =>
  id !== undefined && GUID.test(id);

/** The registry person a turn acts for, after the art. 1.8 lid 2 WGS check. */
export interface Actor {
  /** The Teams user's Entra object id, as sent by Teams. */
  aadObjectId: string;
  person: Person;
  organisation: Organisation;
  /** Demo mode only: the user chose to act as another registry person. */
  viaDemoPersona: boolean;
}

export type Identification = { ok: true; actor: Actor } | { ok: false; reason: AccessRefusal };

/** Looks up who is speaking and whether they may use the system at all. */
export async function identifyActor(
  registry: RegistryRepository,
  aadObjectId: string | undefined,
  options: { demoMode: boolean; today: string },
): Promise<Identification> {
  if (!isEntraObjectId(aadObjectId)) return { ok: false, reason: 'unknown-person' };
  const persona = options.demoMode ? await registry.getDemoPersona(aadObjectId) : undefined;
  const person = await registry.getPerson(persona ?? aadObjectId);
  const organisation = person ? await registry.getOrganisation(person.organisationId) : undefined;
  const access = decideSystemAccess(person, organisation, options.today);
  if (!access.ok) return access;
  return {
    ok: true,
    actor: {
      aadObjectId,
      person: access.person,
      organisation: access.organisation,
      viaDemoPersona: persona !== undefined,
    },
  };
}
