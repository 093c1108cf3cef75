import type { Person } from './registry.schema';

/** Intake is done by personnel of a vaste deelnemer doing intake work, such as wijkteams. */
export function hasIntakeRole(person: Person): boolean {
  return person.roles.some((role) => role.role === 'wijkteammedewerker');
}
