// Three bot processes on one store process, with one fake connector that records every post by
// any of them: the set-up of the several-instances section.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Person, RegistrySeed } from '../../../src/domain/registry/registry.schema';
import { startAppProcess, type AppProcess } from '../../helpers/app-process';
import { postActivity, type BotHarness } from '../../helpers/bot-harness';
import { FakeConnector } from '../../helpers/fake-connector';
import { demoSeed } from '../../helpers/seed-actors';
import { startStoreProcess, type StoreProcess } from '../../helpers/store-process';
import { tempDir } from '../../helpers/temp-dir';

export const INSTANCES = 3;

/** Workers of their own for the intake lanes: one intake at a time per person (an empty draft is reused). */
const extraWorkers: Person[] = Array.from({ length: 4 }, (_, i) => ({
  kind: 'persoon',
  id: `7c1d2e3f-4a5b-4c6d-8e7f-00000000000${i + 1}`,
  name: `Werker Nummer ${i + 1}`,
  organisationId: 'wijkteam-rotterdam-noord',
  roles: [{ role: 'wijkteammedewerker' }],
  screening: { kind: 'vog', date: '2025-01-15' },
  commercialWorkForParticipant: false,
}));

/** Someone the run removes from the registry, and who takes no part in the workload. */
export const removedPerson: Person = {
  ...extraWorkers[0]!,
  id: '7c1d2e3f-4a5b-4c6d-8e7f-0000000000ff',
  name: 'Verwijderd Persoon',
};

/** Fatima, Sem and the extra workers: each runs one intake lane. */
export const workerIds = [
  '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a01',
  '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a08',
  ...extraWorkers.map((person) => person.id),
];

export const seed: RegistrySeed = {
  ...demoSeed,
  persons: [...demoSeed.persons, ...extraWorkers, removedPerson],
};

export interface Cluster {
  store: StoreProcess;
  connector: FakeConnector;
  apps: AppProcess[];
  /** Each instance as a harness: its own URL, the shared store and connector. */
  instances: BotHarness[];
  stop(): Promise<void>;
}

export async function startCluster(env: Record<string, string>): Promise<Cluster> {
  const dir = await tempDir('instances');
  const seedFile = join(dir.path, 'registry.json');
  await writeFile(seedFile, JSON.stringify(seed));
  const store = await startStoreProcess();
  const connector = await new FakeConnector().start();
  const apps: AppProcess[] = [];
  const stop = async () => {
    for (const app of apps) if (app.child.exitCode === null) app.child.kill('SIGKILL');
    await Promise.all(apps.map((app) => app.exited));
    await connector.stop();
    await store.stop();
    await dir.remove();
  };
  try {
    const appEnv = { PORT: '0', DEMO_MODE: 'true', REGISTRY_SEED_FILE: seedFile, ...store.env };
    // The first creates the database and seeds the registry; the others find both there.
    apps.push(await startAppProcess({ ...appEnv, ...env }));
    apps.push(
      ...(await Promise.all(
        Array.from({ length: INSTANCES - 1 }, () => startAppProcess({ ...appEnv, ...env })),
      )),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const instances = apps.map((app): BotHarness => ({
    url: app.botUrl,
    connector,
    post: (activity) => postActivity(app.botUrl, activity),
    store: () => store.containers(),
    storeAccess: () => {
      throw new Error('each instance reaches the store process');
    },
    stop,
  }));
  return { store, connector, apps, instances, stop };
}
