import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { decide, type DecisionInput } from '../../src/app/casus/decide';
import type { submitIntake } from '../../src/app/intake/submit-intake';
import { sweepRetention } from '../../src/app/retention/retention-sweep';
import { verifyAuditChain } from '../../src/domain/casus/audit-chain';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { createLogger } from '../../src/logging/logger';
import { CosmosAccessLog } from '../../src/storage/cosmos-access-log';
import { CosmosCasusNumberSequence } from '../../src/storage/cosmos-casus-number.sequence';
import { CosmosCasusRepository } from '../../src/storage/cosmos-casus.repository';
import { CosmosRegistryRepository } from '../../src/storage/cosmos-registry.repository';
import { testBetrokkeneKey, testBsnKey } from '../helpers/betrokkene-key';
import { validFormValues } from '../helpers/intake-values';
import { testAccess } from '../helpers/memory-access-log';
import { submittedByFatima } from '../helpers/submitted-casus';
import { demoSeed, seedActor } from '../helpers/seed-actors';
import { useTempStore } from '../helpers/temp-store';

/** A clock the test sets: every service and the sweep read it, nothing else. */
const clock = { now: new Date('2026-12-04T09:00:00.000Z') };
const whole = { from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' };

describe('retention sweep against the embedded server (controlled clock, real @azure/cosmos SDK)', () => {
  const temp = useTempStore('retention');
  let casussen: CosmosCasusRepository;
  let accessLog: CosmosAccessLog;
  let registry: CosmosRegistryRepository;
  let services: Parameters<typeof submitIntake>[0] & Parameters<typeof decide>[0];

  before(async () => {
    registry = new CosmosRegistryRepository(temp.store.containers.registry);
    await registry.seedOnce(demoSeed);
    casussen = new CosmosCasusRepository(temp.store.containers.casussen);
    accessLog = new CosmosAccessLog(temp.store.containers['access-log']);
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

  const sweepDeps = () => ({
    casussen,
    registry,
    accessLog,
    now: () => clock.now,
    newId: () => randomUUID(),
    logger: createLogger('silent'),
  });
  const sweepAt = (at: string) => {
    clock.now = new Date(at);
    return sweepRetention(sweepDeps());
  };
  const reread = async (id: string) => (await casussen.get(id))!;

  /** Submitted by Fatima and decided by Jeroen at the clock's time, step by step. */
  async function casusThrough(
    ...steps: Omit<DecisionInput, 'casusId' | 'revision' | 'activityId'>[]
  ) {
    let casus: Casus = await submittedByFatima(services);
    for (const step of steps) {
      const decided = await decide(services, seedActor('Jeroen de Vries'), {
        ...step,
        casusId: casus.id,
        revision: casus.revision,
        activityId: randomUUID(),
        confirmed: true,
      });
      assert.ok(decided.ok, JSON.stringify(!decided.ok && decided.error.kind));
      casus = decided.value;
    }
    return casus;
  }
  const motivation = 'Mevrouw woont sinds maart op het adres; het plan is uitgevoerd.';
  const closed = () =>
    casusThrough(
      { action: 'accepteren', motivation },
      { action: 'afsluiten', motivation, closeReason: 'plan-uitgevoerd' },
    );
  const rejected = () => casusThrough({ action: 'afwijzen', motivation });

  it("anonymises each casus when its own clock runs out (the kamer's term after rejection and after closure), once", async () => {
    clock.now = new Date('2026-12-04T09:00:00.000Z');
    const [afgesloten, afgewezen] = [await closed(), await rejected()];
    assert.equal(afgesloten.retention?.expiresAt, '2028-12-04T09:00:00.000Z');
    assert.equal(afgewezen.retention?.expiresAt, '2027-06-04T09:00:00.000Z');

    assert.deepEqual(await sweepAt('2027-06-04T08:59:59.000Z'), []);
    const early = await sweepAt('2027-06-04T09:00:00.000Z');
    assert.ok(early.includes(afgewezen.id) && !early.includes(afgesloten.id));
    assert.equal((await reread(afgesloten.id)).value.submission !== undefined, true);

    const stub = (await reread(afgewezen.id)).value;
    assert.deepEqual(stub.anonymised, { at: '2027-06-04T09:00:00.000Z', reason: 'bewaartermijn' });
    assert.equal(stub.casusNumber, afgewezen.casusNumber);
    assert.equal(stub.kamerId, afgewezen.kamerId);
    assert.deepEqual(
      stub.audit.map((line) => [line.action, line.to, line.actor.name]),
      [
        ...afgewezen.audit.map((line) => [line.action, line.to, line.actor.name]),
        ['geanonimiseerd', 'afgewezen', 'casusbot'],
      ],
    );
    assert.equal(stub.submission, undefined);
    assert.equal(stub.betrokkeneKey, undefined);
    assert.ok(stub.audit.every((line) => line.motivation === undefined));
    const text = JSON.stringify(stub);
    assert.equal(text.includes(validFormValues.naam as string), false, 'the name is gone');
    assert.equal(verifyAuditChain(stub).kind, 'intact');

    // Idempotent: the stub is never found again, and a second pass writes nothing.
    const etag = (await reread(afgewezen.id)).etag;
    assert.ok(!(await sweepAt('2027-06-05T09:00:00.000Z')).includes(afgewezen.id));
    assert.equal((await reread(afgewezen.id)).etag, etag);

    assert.ok((await sweepAt('2028-12-04T09:00:00.000Z')).includes(afgesloten.id));
    assert.ok((await reread(afgesloten.id)).value.anonymised);

    const records = [
      ...(await accessLog.ofCasus(afgewezen.id, whole, 100)),
      ...(await accessLog.ofCasus(afgesloten.id, whole, 100)),
    ].filter((r) => r.what === 'anonymise');
    assert.deepEqual(
      records.map((r) => [r.casusNumber, r.actor.personId, r.result, r.why]),
      [
        [afgewezen.casusNumber, 'systeem', 'changed', 'bewaartermijn-sweep'],
        [afgesloten.casusNumber, 'systeem', 'changed', 'bewaartermijn-sweep'],
      ],
      'one record per anonymisation, by the system',
    );
  });

  it('a legal hold stops the clock; a casus closed before the clock gets one from its trail', async () => {
    clock.now = new Date('2030-01-01T09:00:00.000Z');
    const held = await rejected();
    const heldStored = await reread(held.id);
    assert.ok(
      (
        await casussen.replace(
          {
            ...held,
            retention: {
              ...held.retention!,
              hold: { since: clock.now.toISOString(), byPersonId: 'x' },
            },
          },
          heldStored.etag,
        )
      ).ok,
    );
    const legacy = await closed();
    const legacyStored = await reread(legacy.id);
    const withoutClock: Casus = { ...legacy };
    delete withoutClock.retention;
    assert.ok((await casussen.replace(withoutClock, legacyStored.etag)).ok);

    assert.deepEqual(await sweepAt('2031-01-01T09:00:00.000Z'), []);
    assert.equal((await reread(held.id)).value.anonymised, undefined, 'held: kept');
    const clocked = (await reread(legacy.id)).value;
    assert.equal(clocked.retention?.expiresAt, '2032-01-01T09:00:00.000Z');
    assert.equal(clocked.revision, legacy.revision, 'setting a clock is not a change of state');
    assert.ok((await sweepAt('2032-01-01T09:00:00.000Z')).includes(legacy.id));
  });

  it('two instances sweeping at once anonymise each casus once', async () => {
    clock.now = new Date('2035-01-01T09:00:00.000Z');
    const due = [await rejected(), await rejected(), await rejected()];
    clock.now = new Date('2036-01-01T09:00:00.000Z');
    const [a, b] = await Promise.all([sweepRetention(sweepDeps()), sweepRetention(sweepDeps())]);
    const ids = due.map((c) => c.id);
    const swept = [...a, ...b].filter((id) => ids.includes(id));
    assert.deepEqual([...swept].sort(), [...ids].sort(), 'each exactly once over both passes');
    for (const casus of due) {
      const records = (await accessLog.ofCasus(casus.id, whole, 100)).filter(
        (r) => r.what === 'anonymise',
      );
      assert.equal(records.length, 1);
      assert.equal(
        (await reread(casus.id)).value.audit.filter((l) => l.action === 'geanonimiseerd').length,
        1,
      );
    }
  });
});
