import { testAccess } from '../helpers/memory-access-log';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { testBetrokkeneKey, testBsnKey } from '../helpers/betrokkene-key';
import { decide } from '../../src/app/casus/decide';
import { sweepDeadlines } from '../../src/app/deadlines/deadline-sweep';
import type { submitIntake } from '../../src/app/intake/submit-intake';
import { CosmosCasusNumberSequence } from '../../src/storage/cosmos-casus-number.sequence';
import { CosmosCasusRepository } from '../../src/storage/cosmos-casus.repository';
import { CosmosRegistryRepository } from '../../src/storage/cosmos-registry.repository';
import { submittedByFatima } from '../helpers/submitted-casus';
import { demoSeed, seedActor } from '../helpers/seed-actors';
import { useTempStore } from '../helpers/temp-store';

/** A clock the test sets: every service reads it, nothing else. */
const clock = { now: new Date('2026-12-17T09:00:00.000Z') };

describe('deadline sweep against the embedded server (controlled clock, real @azure/cosmos SDK)', () => {
  const temp = useTempStore('deadlines');
  let casussen: CosmosCasusRepository;
  let services: Parameters<typeof submitIntake>[0] & Parameters<typeof decide>[0];

  before(async () => {
    const registry = new CosmosRegistryRepository(temp.store.containers.registry);
    await registry.seedOnce(demoSeed);
    casussen = new CosmosCasusRepository(temp.store.containers.casussen);
    services = {
      casussen,
      registry,
      numbers: new CosmosCasusNumberSequence(temp.store.containers.counters),
      betrokkeneKey: testBetrokkeneKey,
      bsnKey: testBsnKey,
      access: testAccess(),
      now: () => clock.now,
      newId: () => randomUUID(),
    };
  });

  /** A casus submitted by Fatima at `at`: aangemeld at Lokale Kamer Rotterdam (5 werkdagen). */
  async function submittedAt(at: string) {
    clock.now = new Date(at);
    return submittedByFatima(services);
  }

  const sweepAt = (at: string) => {
    clock.now = new Date(at);
    return sweepDeadlines({ casussen, now: () => clock.now });
  };
  const reread = async (id: string) => (await casussen.get(id))!.value;
  const notices = (casus: { outbox: { kind: string }[] }) =>
    casus.outbox.map((entry) => entry.kind).filter((kind) => /termijn/.test(kind));

  it('over Christmas: due after five werkdagen, reminded on the last one, overdue the day after, each once', async () => {
    // Monday 21 December 2026, 10:00: the werkdagen are 22, 23, 24, 28 and 29 December.
    const casus = await submittedAt('2026-12-21T09:00:00.000Z');
    assert.deepEqual(
      [casus.deadline?.state, casus.deadline?.remindAt, casus.deadline?.dueAt],
      ['aangemeld', '2026-12-28T23:00:00.000Z', '2026-12-29T23:00:00.000Z'],
    );

    // Christmas, the weekend, Monday: nothing yet.
    assert.deepEqual(await sweepAt('2026-12-28T22:59:00.000Z'), []);
    assert.deepEqual(notices(await reread(casus.id)), []);

    // Tuesday 29 December at 00:05: the reminder, in the channel and personally, once.
    assert.deepEqual(await sweepAt('2026-12-28T23:05:00.000Z'), [casus.id]);
    assert.deepEqual(await sweepAt('2026-12-29T08:00:00.000Z'), []);
    const reminded = await reread(casus.id);
    assert.deepEqual(notices(reminded), [
      'termijn:termijn-herinnering',
      'kanaal:termijn-herinnering',
    ]);
    assert.equal(reminded.revision, casus.revision, 'a notice is no decision: cards stay valid');
    assert.equal(reminded.deadline?.notified, 'herinnerd');

    // Wednesday 30 December: overdue, once.
    assert.deepEqual(await sweepAt('2026-12-29T23:00:00.000Z'), [casus.id]);
    assert.deepEqual(await sweepAt('2026-12-30T10:00:00.000Z'), []);
    const overdue = await reread(casus.id);
    assert.deepEqual(notices(overdue).slice(2), [
      'termijn:termijn-verlopen',
      'kanaal:termijn-verlopen',
    ]);
    assert.equal(overdue.deadline?.alertAt, undefined, 'nothing more to send');
  });

  it('a sweep long after the due time sends only the expiry, never a stale reminder', async () => {
    const casus = await submittedAt('2026-12-01T09:00:00.000Z');
    assert.ok((await sweepAt('2027-02-01T09:00:00.000Z')).includes(casus.id));
    assert.deepEqual(notices(await reread(casus.id)), [
      'termijn:termijn-verlopen',
      'kanaal:termijn-verlopen',
    ]);
  });

  it('a decision in time ends the termijn: no notice afterwards', async () => {
    const casus = await submittedAt('2026-12-01T09:00:00.000Z');
    clock.now = new Date('2026-12-02T09:00:00.000Z');
    const decided = await decide(services, seedActor('Jeroen de Vries'), {
      casusId: casus.id,
      revision: casus.revision,
      action: 'accepteren',
      motivation: 'Voldoet aan alle vier criteria van art. 2.20 BGS.',
      activityId: 'act-accept',
    });
    assert.ok(decided.ok);
    assert.equal(decided.value.deadline, undefined);
    await sweepAt('2027-02-01T09:00:00.000Z');
    assert.deepEqual(notices(await reread(casus.id)), []);
  });

  it('an escalation request runs on the termijn of the ZVH', async () => {
    const casus = await submittedAt('2026-12-01T09:00:00.000Z');
    const jeroen = seedActor('Jeroen de Vries');
    clock.now = new Date('2026-12-02T09:00:00.000Z');
    const accepted = await decide(services, jeroen, {
      casusId: casus.id,
      revision: casus.revision,
      action: 'accepteren',
      motivation: 'Voldoet aan alle vier criteria van art. 2.20 BGS.',
      activityId: 'act-1',
    });
    assert.ok(accepted.ok);
    const escalated = await decide(services, jeroen, {
      casusId: casus.id,
      revision: accepted.value.revision,
      action: 'opschalen',
      motivation: 'Een doorbraak is nodig: de partijen komen er lokaal niet uit.',
      activityId: 'act-2',
      confirmed: true,
    });
    assert.ok(escalated.ok, JSON.stringify(!escalated.ok && escalated.error.kind));
    // Wednesday 2 December + 5 werkdagen: Wednesday 9 December is the last.
    assert.deepEqual(
      [escalated.value.deadline?.state, escalated.value.deadline?.dueAt],
      ['opschaling_aangevraagd', '2026-12-09T23:00:00.000Z'],
    );
  });

  it('two instances sweeping at once: each notice is written once', async () => {
    const casussenSet = await Promise.all(
      Array.from({ length: 5 }, () => submittedAt('2026-12-01T09:00:00.000Z')),
    );
    clock.now = new Date('2026-12-07T23:30:00.000Z');
    const other = new CosmosCasusRepository(temp.store.containers.casussen);
    const [a, b] = await Promise.all([
      sweepDeadlines({ casussen, now: () => clock.now }),
      sweepDeadlines({ casussen: other, now: () => clock.now }),
    ]);
    for (const casus of casussenSet) {
      assert.equal([...a, ...b].filter((id) => id === casus.id).length, 1, 'one sweep wrote it');
      assert.deepEqual(notices(await reread(casus.id)), [
        'termijn:termijn-herinnering',
        'kanaal:termijn-herinnering',
      ]);
    }
  });
});
