// The people of the run, beyond the demo registry, written straight into the bot's registry:
// 49 more procesregisseurs of the Lokale Kamer Rotterdam for the race on one casus (taken out
// again afterwards, so that the mixed load does not notify a table no kamer has), and 48 more
// wijkteammedewerkers, so that each of the 50 casussen has its own worker: "nieuwe casus" picks
// up a worker's empty draft, so one person's intakes cannot run side by side.
import type { BotHarness } from '../../helpers/bot-harness';
import { demoUsers } from '../../helpers/activities';
import { registryChangeSeen } from '../../helpers/registry-bound';
import { personSchema, type Person } from '../../../src/domain/registry/registry.schema';

export interface Someone {
  id: string;
  name: string;
}

const people = (
  count: number,
  series: string,
  name: string,
  organisationId: string,
  role: Person['roles'][number],
): Person[] =>
  Array.from({ length: count }, (_, i) =>
    personSchema.parse({
      kind: 'persoon',
      id: `7c1e0b00-0000-4000-${series}-${String(i + 1).padStart(12, '0')}`,
      name: `${name} ${String(i + 3).padStart(2, '0')}`,
      organisationId,
      roles: [role],
      screening: { kind: 'screening', date: '2025-05-01' },
    }),
  );

const deciders = people(49, '8000', 'Regisseur', 'gemeente-rotterdam', {
  role: 'procesregisseur',
  kamerId: 'lk-rotterdam',
});
const workers = people(48, '9000', 'Wijkwerker', 'wijkteam-rotterdam-noord', {
  role: 'wijkteammedewerker',
});

const someone = ({ id, name }: Person): Someone => ({ id, name });
export const fiftyDeciders: Someone[] = [
  { id: demoUsers.jeroen, name: 'Jeroen de Vries' },
  ...deciders.map(someone),
];
export const fiftyWorkers: string[] = [
  demoUsers.fatima,
  demoUsers.sem,
  ...workers.map((w) => w.id),
];

/** Writes them all and waits until every turn sees them (REGISTRY_MAX_AGE_MS). */
export async function addPeople(bot: BotHarness): Promise<void> {
  const { registry } = bot.store();
  await Promise.all([...deciders, ...workers].map((person) => registry.items.upsert(person)));
  await registryChangeSeen();
}

export async function removeExtraDeciders(bot: BotHarness): Promise<void> {
  const { registry } = bot.store();
  await Promise.all(deciders.map((person) => registry.item(person.id, 'persoon').delete()));
  await registryChangeSeen();
}
