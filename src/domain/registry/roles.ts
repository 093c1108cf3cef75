import type { Organisation, Person } from './registry.schema';

/** Intake is done by personnel of a vaste deelnemer doing intake work, such as wijkteams. */
export function hasIntakeRole(person: Person): boolean {
  return person.roles.some((role) => role.role === 'wijkteammedewerker');
}

/** Procesregisseur or weegtafellid of some kamer, employed by an overheidsdeelnemer (WGS art. 2.27). */
export function isDecisionMaker(actor: { person: Person; organisation: Organisation }): boolean {
  return (
    actor.organisation.category === 'overheidsdeelnemer' &&
    actor.person.roles.some(
      (role) => role.role === 'procesregisseur' || role.role === 'weegtafellid',
    )
  );
}

/** Holds a procesregisseur or weegtafellid role at this kamer (whether it counts is decision-rights' call). */
export function hasDecisionRoleAt(person: Person, kamerId: string): boolean {
  return person.roles.some(
    (role) =>
      (role.role === 'procesregisseur' || role.role === 'weegtafellid') && role.kamerId === kamerId,
  );
}

/** May ask the access log who saw which casus (and nothing else of casussen). */
export function isPrivacyOfficer(person: Person): boolean {
  return person.roles.some((role) => role.role === 'privacy-officer');
}

/** Handles a betrokkene's AVG requests for all participants (BGS art. 1.1). */
export function isContactpunt(person: Person): boolean {
  return person.roles.some((role) => role.role === 'contactpunt');
}
