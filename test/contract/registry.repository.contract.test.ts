import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { registrySeedSchema } from '../../src/domain/registry/registry.schema';
import { CosmosRegistryRepository } from '../../src/storage/cosmos-registry.repository';
import { useTempStore } from '../helpers/temp-store';

const seed = registrySeedSchema.parse(JSON.parse(readFileSync('seed/registry.demo.json', 'utf8')));

describe('CosmosRegistryRepository against the embedded server (real @azure/cosmos SDK)', () => {
  const temp = useTempStore('registry');
  let registry: CosmosRegistryRepository;
  before(() => {
    registry = new CosmosRegistryRepository(temp.store.containers.registry);
  });

  it('seeds once, and only once', async () => {
    assert.equal(await registry.seedOnce(seed), true);
    assert.equal(await registry.seedOnce({ ...seed, persons: [] }), false);
    assert.equal((await registry.listPersons()).length, seed.persons.length);
  });

  it('reads persons, organisations and kamers by id', async () => {
    const [person] = seed.persons;
    assert.deepEqual(await registry.getPerson(person!.id), person);
    assert.equal(
      (await registry.getOrganisation('gemeente-rotterdam'))?.category,
      'overheidsdeelnemer',
    );
    assert.equal((await registry.getKamer('lk-rotterdam'))?.type, 'lokale-kamer');
    assert.equal(await registry.getPerson('00000000-0000-4000-8000-000000000000'), undefined);
  });

  it('lists the decision makers of one kamer', async () => {
    const names = (await registry.listDecisionMakers('lk-rotterdam')).map((p) => p.name);
    assert.deepEqual(names, ['Jeroen de Vries', 'Mohamed Yilmaz']);
  });

  it('queries filter on the partition key in the WHERE clause, not only in the options', async () => {
    // A look-alike in another partition: the embedded server ignores options.partitionKey, so
    // only the WHERE clause keeps it out.
    await temp.store.containers.registry.items.create({
      kind: 'elders',
      id: 'look-alike',
      name: 'Aaa look-alike',
      roles: [{ role: 'procesregisseur', kamerId: 'lk-rotterdam' }],
    });
    assert.ok(
      !(await registry.listDecisionMakers('lk-rotterdam')).some((p) => p.name === 'Aaa look-alike'),
    );
    assert.ok(!(await registry.listKamers()).some((k) => k.name === 'Aaa look-alike'));
  });

  it('keeps a demo persona per Teams user', async () => {
    const user = '11111111-2222-4333-8444-555555555555';
    assert.equal(await registry.getDemoPersona(user), undefined);
    await registry.setDemoPersona(user, seed.persons[1]!.id);
    assert.equal(await registry.getDemoPersona(user), seed.persons[1]!.id);
  });
});
