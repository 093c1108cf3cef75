import type { Organisation, Person } from '../../src/domain/registry/registry.schema';
import type { BotHarness } from './bot-harness';
import { registryChangeSeen } from './registry-bound';

const id = (n: number) => `7c1e0a00-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;

const screened = { kind: 'screening', date: '2025-05-01' } as const;
const person = (
  n: number,
  name: string,
  organisationId: string,
  roles: Person['roles'],
  extra: Partial<Person> = {},
): Person => ({
  kind: 'persoon',
  id: id(n),
  name,
  organisationId,
  roles,
  screening: screened,
  commercialWorkForParticipant: false,
  ...extra,
});

/** A second wijkteam: a vaste deelnemer the demo seed lacks. */
export const wijkteamZuid: Organisation = {
  kind: 'organisatie',
  id: 'wijkteam-rotterdam-zuid',
  name: 'Wijkteam Rotterdam-Zuid',
  category: 'private-vaste-deelnemer',
  domain: 'sociaal',
};

/**
 * Registry persons the import would refuse or the demo seed lacks, written straight into the
 * store: every kind of person a role-based check could let through.
 */
export const extraPersons = {
  otherTeam: person(1, 'Bram Wijkteam-Zuid', wijkteamZuid.id, [{ role: 'wijkteammedewerker' }]),
  ggzProcesregisseur: person(2, 'Greet GGZ-Lokaal', 'ggz-maasoever', [
    { role: 'procesregisseur', kamerId: 'lk-rotterdam' },
  ]),
  ggzZvhWeegtafellid: person(3, 'Gijs GGZ-ZVH', 'ggz-maasoever', [
    { role: 'weegtafellid', kamerId: 'zvh-rotterdam-rijnmond' },
  ]),
  unscreenedProcesregisseur: person(
    4,
    'Ursula Ongescreend',
    'gemeente-rotterdam',
    [{ role: 'procesregisseur', kamerId: 'lk-rotterdam' }],
    { screening: undefined },
  ),
  incidenteel: person(5, 'Ivo Woonstichting', 'woonstichting-maasstad', [
    { role: 'weegtafellid', kamerId: 'lk-rotterdam' },
  ]),
  otherKamer: person(6, 'Olga Schiedam', 'gemeente-schiedam', [
    { role: 'procesregisseur', kamerId: 'lk-schiedam' },
  ]),
  commercial: person(
    7,
    'Carla Commercieel',
    'ggz-maasoever',
    [{ role: 'weegtafellid', kamerId: 'lk-rotterdam' }],
    { commercialWorkForParticipant: true },
  ),
  // A decision maker of the Lokale Kamer who will lose her access while holding a card.
  leaving: person(8, 'Lieke Vertrekt', 'gemeente-rotterdam', [
    { role: 'procesregisseur', kamerId: 'lk-rotterdam' },
  ]),
};

/** Writes these persons (and the second wijkteam) into the bot's registry and waits until it sees them. */
export async function addRegistryPersons(
  bot: Pick<BotHarness, 'store'>,
  persons: readonly Person[],
): Promise<void> {
  const { registry } = bot.store();
  await registry.items.upsert(wijkteamZuid);
  for (const p of persons) await registry.items.upsert(p);
  await registryChangeSeen();
}
