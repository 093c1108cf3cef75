import { testAccess } from '../helpers/memory-access-log';
import assert from 'node:assert/strict';
import { testBetrokkeneKey, testBsnKey } from '../helpers/betrokkene-key';
import { randomUUID } from 'node:crypto';
import { decide } from '../../src/app/casus/decide';
import type { Actor } from '../../src/app/identify-actor';
import { CosmosCasusNumberSequence } from '../../src/storage/cosmos-casus-number.sequence';
import { CosmosCasusRepository } from '../../src/storage/cosmos-casus.repository';
import { CosmosRegistryRepository } from '../../src/storage/cosmos-registry.repository';
import { submittedByFatima } from '../helpers/submitted-casus';
import { demoSeed, seedActor } from '../helpers/seed-actors';
import { useTempStore } from '../helpers/temp-store';

describe('concurrent decisions against the embedded server (real @azure/cosmos SDK)', () => {
  const temp = useTempStore('decisions');

  it('lets exactly one of 20 simultaneous decisions through; the other 19 are told it was already decided', async () => {
    const registry = new CosmosRegistryRepository(temp.store.containers.registry);
    await registry.seedOnce(demoSeed);
    const casussen = new CosmosCasusRepository(temp.store.containers.casussen);
    const services = {
      casussen,
      registry,
      numbers: new CosmosCasusNumberSequence(temp.store.containers.counters),
      betrokkeneKey: testBetrokkeneKey,
      bsnKey: testBsnKey,
      access: testAccess(),
      now: () => new Date(),
      newId: () => randomUUID(),
    };
    const submitted = await submittedByFatima(services);

    // The procesregisseur and the weegtafellid press different buttons on the same card at once.
    const deciders = [seedActor('Jeroen de Vries'), seedActor('Mohamed Yilmaz')];
    const actions = ['accepteren', 'afwijzen', 'informatie-vragen'] as const;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        decide(services, deciders[i % 2] as Actor, {
          casusId: submitted.id,
          revision: submitted.revision,
          action: actions[i % 3] as (typeof actions)[number],
          motivation: `Besluit ${i}: besproken in de weegtafel van vandaag.`,
          confirmed: true,
          activityId: `activity-${i}`,
        }),
      ),
    );
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.equal(results.filter((r) => !r.ok && r.error.kind === 'changed-meanwhile').length, 19);

    const stored = await casussen.get(submitted.id);
    const decisions = stored?.value.audit.filter((entry) => entry.from === 'aangemeld') ?? [];
    assert.equal(decisions.length, 1, 'exactly one transition in the audit trail');
    const winner = results.find((r) => r.ok);
    assert.equal(stored?.value.state, winner?.ok ? winner.value.state : undefined);
  });
});
