import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { registrySeedSchema } from '../../src/domain/registry/registry.schema';
import { CosmosRegistryRepository } from '../../src/storage/cosmos-registry.repository';
import {
  startEmbeddedCosmos,
  type EmbeddedCosmos,
} from '../../src/storage/embedded/embedded-cosmos';
import { openStore, type Store } from '../../src/storage/store';
import { tempDir } from '../helpers/temp-dir';

const run = promisify(execFile);
const demoFile = 'seed/registry.demo.json';
const demo = registrySeedSchema.parse(JSON.parse(readFileSync(demoFile, 'utf8')));

describe('npm run registry:import (the operator script, against a Cosmos endpoint)', function () {
  this.timeout(60_000);
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let embedded: EmbeddedCosmos;
  let store: Store;
  let registry: CosmosRegistryRepository;

  function importRegistry(...args: string[]) {
    return run(process.execPath, ['--require', 'tsx/cjs', 'scripts/import-registry.ts', ...args], {
      env: {
        ...process.env,
        COSMOS_ENDPOINT: embedded.endpoint,
        COSMOS_KEY: embedded.key,
        COSMOS_DATABASE: 'imported',
      },
    });
  }

  before(async () => {
    dir = await tempDir('import');
    embedded = await startEmbeddedCosmos({ dataDir: dir.path, port: 0 });
    store = await openStore({
      kind: 'cosmos',
      endpoint: embedded.endpoint,
      auth: { kind: 'key', key: embedded.key },
      database: 'imported',
    });
    registry = new CosmosRegistryRepository(store.containers.registry);
  });

  after(async () => {
    await store?.close();
    await embedded?.close();
    await dir?.remove();
  });

  it('writes every entry of the file, and marks the registry seeded so the demo seed stays out', async () => {
    const { stdout } = await importRegistry(demoFile);
    const entries = demo.organisations.length + demo.kamers.length + demo.persons.length;
    assert.match(stdout, new RegExp(`${entries} registry entries written`));
    assert.equal((await registry.listPersons()).length, demo.persons.length);
    assert.equal(await registry.seedOnce(demo), false);
  });

  it('names persons the file no longer has, and removes them only when asked', async () => {
    const [leaver, ...stayers] = demo.persons;
    const file = join(dir.path, 'registry.json');
    writeFileSync(file, JSON.stringify({ ...demo, persons: stayers }));

    const kept = await importRegistry(file);
    assert.match(
      kept.stdout,
      new RegExp(`1 persons in the store are absent[\\s\\S]*${leaver!.id}`),
    );
    assert.ok(await registry.getPerson(leaver!.id));

    const removed = await importRegistry(file, '--remove-absent-persons');
    assert.match(removed.stdout, /removed 1 persons/);
    assert.equal(await registry.getPerson(leaver!.id), undefined);
    assert.equal((await registry.listPersons()).length, stayers.length);
  });

  it('refuses a file with a dangling reference and writes nothing', async () => {
    const [person] = demo.persons;
    const file = join(dir.path, 'broken.json');
    const renamed = { ...person!, name: 'Nooit Geschreven', organisationId: 'bestaat-niet' };
    writeFileSync(file, JSON.stringify({ ...demo, persons: [renamed] }));
    await assert.rejects(importRegistry(file), (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, /onbekende organisatie bestaat-niet/);
      return true;
    });
    assert.notEqual((await registry.getPerson(person!.id))?.name, 'Nooit Geschreven');
  });

  it('refuses a decision role for a person of a private participant and writes nothing', async () => {
    const [person] = demo.persons;
    const file = join(dir.path, 'private-decider.json');
    const ggz = {
      ...person!,
      name: 'Greet van de GGZ',
      organisationId: 'ggz-maasoever',
      roles: [{ role: 'weegtafellid', kamerId: 'lk-rotterdam' }],
    };
    writeFileSync(file, JSON.stringify({ ...demo, persons: [ggz] }));
    await assert.rejects(importRegistry(file), (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.match(
        error.stderr,
        /Greet van de GGZ kan geen weegtafellid zijn: GGZ Maasoever is geen overheidsdeelnemer/,
      );
      return true;
    });
    assert.notEqual((await registry.getPerson(person!.id))?.name, 'Greet van de GGZ');
  });

  it('refuses to run without a Cosmos endpoint', async () => {
    await assert.rejects(
      run(process.execPath, ['--require', 'tsx/cjs', 'scripts/import-registry.ts', demoFile], {
        env: { ...process.env, COSMOS_ENDPOINT: '', COSMOS_KEY: '' },
      }),
      /COSMOS_ENDPOINT is required/,
    );
  });
});
