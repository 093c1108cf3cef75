import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CachedRegistry } from '../../src/app/registry/cached-registry';
import type { RegistryRepository } from '../../src/domain/registry/registry.repository';
import { registrySeedSchema } from '../../src/domain/registry/registry.schema';
import { CosmosRegistryRepository } from '../../src/storage/cosmos-registry.repository';
import { StoreUnavailableError } from '../../src/storage/cosmos-errors';
import { useTempStore } from '../helpers/temp-store';

const seed = registrySeedSchema.parse(JSON.parse(readFileSync('seed/registry.demo.json', 'utf8')));
const jeroen = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a02';

/** The stored registry, counting the store calls made through it, and one that can go down. */
function countedSource(stored: CosmosRegistryRepository) {
  const state = { calls: 0, down: false };
  const source = new Proxy(stored, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        state.calls += 1;
        if (state.down) return Promise.reject(new StoreUnavailableError(new Error('down')));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as RegistryRepository;
  return { source, state };
}

describe('the registry served from memory, two instances on one store (real @azure/cosmos SDK)', () => {
  const temp = useTempStore('registry-cache');
  let stored: CosmosRegistryRepository;
  let time = 0;
  const options = {
    refreshMs: 60_000, // no background reload in these tests: the clock decides
    maxAgeMs: 60_000,
    clock: () => time,
    onRefreshFailed: () => undefined,
  };
  before(async () => {
    stored = new CosmosRegistryRepository(temp.store.containers.registry);
    await stored.seedOnce(seed);
  });

  it('answers every read from one load: no store call per read', async () => {
    const { source, state } = countedSource(stored);
    const cache = new CachedRegistry(source, options);
    await cache.start();
    const loads = state.calls;
    assert.equal(loads, 3, 'persons, organisations and kamers: one query each');
    assert.equal((await cache.getPerson(jeroen))?.name, 'Jeroen de Vries');
    assert.equal((await cache.getKamer('lk-rotterdam'))?.type, 'lokale-kamer');
    assert.equal(
      (await cache.getOrganisation('gemeente-rotterdam'))?.category,
      'overheidsdeelnemer',
    );
    // The same answers as the store's own queries, in the same order.
    assert.deepEqual(
      await cache.listDecisionMakers('lk-rotterdam'),
      await stored.listDecisionMakers('lk-rotterdam'),
    );
    assert.deepEqual(await cache.listKamers(), await stored.listKamers());
    assert.deepEqual(await cache.listPersons(), await stored.listPersons());
    assert.equal(await cache.getPerson('00000000-0000-4000-8000-000000000000'), undefined);
    assert.equal(state.calls, loads);
    cache.stop();
  });

  it('a person removed by the import is refused by both instances once the bound has passed', async () => {
    time = 0;
    const [a, b] = [new CachedRegistry(stored, options), new CachedRegistry(stored, options)];
    await a.start();
    time = 30_000;
    await b.start(); // loaded half a minute later
    const leaving = seed.persons.find((person) => person.name === 'Mohamed Yilmaz')!;
    await stored.removePersons([leaving.id]); // the operator's import, from another machine
    assert.ok(await a.getPerson(leaving.id), 'within the bound the snapshot may still hold them');
    time = 60_001; // a's snapshot is past the bound, b's is not
    assert.equal(await a.getPerson(leaving.id), undefined);
    assert.ok(
      (await b.listDecisionMakers('lk-rotterdam')).some((person) => person.id === leaving.id),
    );
    time = 90_001;
    assert.equal(await b.getPerson(leaving.id), undefined);
    assert.ok(!(await b.listDecisionMakers('lk-rotterdam')).some((p) => p.id === leaving.id));
    for (const cache of [a, b]) cache.stop();
  });

  it('never serves a snapshot past the bound: with the store down the read fails, and recovers', async () => {
    time = 0;
    const { source, state } = countedSource(stored);
    const cache = new CachedRegistry(source, options);
    await cache.start();
    state.down = true;
    time = 59_000;
    assert.ok(await cache.getPerson(jeroen), 'within the bound: served from memory');
    time = 61_000;
    await assert.rejects(cache.getPerson(jeroen), StoreUnavailableError);
    state.down = false;
    assert.ok(await cache.getPerson(jeroen));
    cache.stop();
  });

  it('reloads in the background every refreshMs, so a turn rarely waits for a load', async () => {
    const { source, state } = countedSource(stored);
    const cache = new CachedRegistry(source, { ...options, refreshMs: 100, clock: Date.now });
    await cache.start();
    const first = state.calls;
    await new Promise((resolve) => setTimeout(resolve, 350));
    cache.stop();
    assert.ok(state.calls >= first + 6, `reloaded at least twice: ${state.calls - first} calls`);
  });
});
