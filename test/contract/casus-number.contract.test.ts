import assert from 'node:assert/strict';
import { testBetrokkeneKey, testBsnKey } from '../helpers/betrokkene-key';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Actor } from '../../src/app/identify-actor';
import type { IntakeServices } from '../../src/app/intake/intake-services';
import { submitIntake } from '../../src/app/intake/submit-intake';
import { registrySeedSchema } from '../../src/domain/registry/registry.schema';
import { CosmosCasusNumberSequence } from '../../src/storage/cosmos-casus-number.sequence';
import { CosmosCasusRepository } from '../../src/storage/cosmos-casus.repository';
import { CosmosRegistryRepository } from '../../src/storage/cosmos-registry.repository';
import { validFormValues } from '../helpers/intake-values';
import { sampleCasus } from '../helpers/samples';
import { useTempStore } from '../helpers/temp-store';

const seed = registrySeedSchema.parse(JSON.parse(readFileSync('seed/registry.demo.json', 'utf8')));

describe('casus numbers against the embedded server (real @azure/cosmos SDK)', () => {
  const temp = useTempStore('numbers');

  it('hands out 100 distinct, consecutive numbers to 100 concurrent callers', async () => {
    const sequence = new CosmosCasusNumberSequence(temp.store.containers.counters);
    const numbers = await Promise.all(
      Array.from({ length: 100 }, () => sequence.next('TST', 2026)),
    );
    assert.deepEqual(
      [...numbers].sort((a, b) => a - b),
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    assert.equal(await sequence.next('TST', 2027), 1, 'a new year starts at 1');
    assert.equal(await sequence.next('OTH', 2026), 1, 'another kamer has its own sequence');
  });

  it('gives 50 concurrent submits at one kamer 50 distinct casus numbers', async () => {
    const registry = new CosmosRegistryRepository(temp.store.containers.registry);
    await registry.seedOnce(seed);
    const casussen = new CosmosCasusRepository(temp.store.containers.casussen);
    const services: IntakeServices = {
      casussen,
      registry,
      numbers: new CosmosCasusNumberSequence(temp.store.containers.counters),
      betrokkeneKey: testBetrokkeneKey,
      bsnKey: testBsnKey,
      now: () => new Date('2026-11-23T10:00:00Z'),
      newId: () => randomUUID(),
    };
    const person = seed.persons.find((p) => p.name === 'Fatima El Amrani');
    const organisation = seed.organisations.find((o) => o.id === person?.organisationId);
    assert.ok(person && organisation);
    const actor: Actor = { aadObjectId: person.id, person, organisation, viaDemoPersona: false };

    const drafts = Array.from({ length: 50 }, () =>
      sampleCasus({
        createdBy: {
          id: person.id,
          name: person.name,
          organisationId: organisation.id,
          organisationName: organisation.name,
        },
        intake: { step: 'samenvatting', values: validFormValues },
      }),
    );
    for (const draft of drafts) assert.ok((await casussen.create(draft)).ok);

    const results = await Promise.all(
      drafts.map((draft) =>
        submitIntake(services, actor, { casusId: draft.id, revision: 0, activityId: undefined }),
      ),
    );
    const numbers = results.map((result) =>
      result.ok ? result.value.casusNumber : `refused: ${JSON.stringify(result.error)}`,
    );
    assert.equal(new Set(numbers).size, 50, numbers.join(', '));
    for (const number of numbers) assert.match(number ?? '', /^LK-ROT-2026-\d{4}$/);
  });
});
