import type { Actor } from '../../src/app/identify-actor';
import type { Kamer, Person, Role } from '../../src/domain/registry/registry.schema';
import type { AccessRefusal } from '../../src/domain/registry/system-access';

export const roleNames: Record<Role['role'], string> = {
  wijkteammedewerker: 'wijkteammedewerker',
  procesregisseur: 'procesregisseur',
  weegtafellid: 'lid van de weegtafel',
  'functioneel-beheerder': 'functioneel beheerder',
  'privacy-officer': 'privacy officer',
  contactpunt: 'contactpunt AVG-verzoeken',
};

/** The name of a role as an audit line records it; a role no longer known reads as stored. */
export const roleName = (role: string): string => roleNames[role as keyof typeof roleNames] ?? role;

/** "procesregisseur (Lokale Kamer Rotterdam) en functioneel beheerder". */
export function describeRoles(person: Person, kamers: ReadonlyMap<string, Kamer>): string {
  const parts = person.roles.map((role) => {
    const kamer = 'kamerId' in role ? kamers.get(role.kamerId) : undefined;
    return kamer ? `${roleNames[role.role]} (${kamer.name})` : roleNames[role.role];
  });
  return parts.length > 1
    ? `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)}`
    : (parts[0] ?? '');
}

export function describeActor(actor: Actor, kamers: ReadonlyMap<string, Kamer>) {
  return {
    name: actor.person.name,
    roles: describeRoles(actor.person, kamers),
    organisation: actor.organisation.name,
  };
}

/** Why access was refused, in words a professional can act on. */
export const accessRefusalText: Record<AccessRefusal, string> = {
  'unknown-person': 'Je staat niet in het deelnemersregister van het Zorg- en Veiligheidshuis.',
  'unknown-organisation': 'Je organisatie staat niet in het deelnemersregister.',
  'not-a-vaste-deelnemer':
    'Je organisatie is geen vaste deelnemer. Incidentele deelnemers krijgen geen toegang tot het gezamenlijke systeem (art. 2.21 BGS).',
  'no-screening': 'In het deelnemersregister staat voor jou geen VOG of screening.',
  'commercial-work':
    'Volgens het deelnemersregister verricht je commerciële werkzaamheden voor je organisatie; daarom kun je niet worden geautoriseerd.',
};
