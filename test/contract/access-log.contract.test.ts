import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { noCasusPartition, type AccessRecord } from '../../src/domain/access/access-record.schema';
import { CosmosAccessLog } from '../../src/storage/cosmos-access-log';
import { StoreUnavailableError } from '../../src/storage/cosmos-errors';
import { useTempStore } from '../helpers/temp-store';

const jeroen = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a02';
const anouk = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03';
const casusA = randomUUID();
const casusB = randomUUID();

function record(over: Partial<AccessRecord> & Pick<AccessRecord, 'at' | 'casusId'>): AccessRecord {
  return {
    kind: 'toegang',
    id: randomUUID(),
    actor: {
      personId: jeroen,
      name: 'Jeroen de Vries',
      organisationId: 'gemeente-rotterdam',
      roles: ['procesregisseur@lk-rotterdam'],
    },
    what: 'view',
    why: 'casus',
    result: 'shown',
    ...over,
  };
}

describe('access log against the embedded server (real @azure/cosmos SDK)', () => {
  const temp = useTempStore('access-log');
  let log: CosmosAccessLog;
  const period = { from: '2026-12-01T00:00:00.000Z', to: '2026-12-04T00:00:00.000Z' };

  before(async () => {
    log = new CosmosAccessLog(temp.store.containers['access-log']);
    for (const r of [
      record({ at: '2026-12-03T10:00:00.000Z', casusId: casusA, casusNumber: 'LK-ROT-2026-0001' }),
      record({ at: '2026-12-02T10:00:00.000Z', casusId: casusA, casusNumber: 'LK-ROT-2026-0001' }),
      record({ at: '2026-12-02T11:00:00.000Z', casusId: casusB, casusNumber: 'LK-ROT-2026-0002' }),
      record({
        at: '2026-12-02T12:00:00.000Z',
        casusId: casusA,
        actor: {
          personId: anouk,
          name: 'Anouk Bakker',
          organisationId: 'gemeente-rotterdam',
          roles: [],
        },
        result: 'refused',
      }),
      record({ at: '2026-11-20T10:00:00.000Z', casusId: casusA }), // before the period
      record({ at: '2026-12-02T13:00:00.000Z', casusId: noCasusPartition(jeroen), what: 'search' }),
    ]) {
      await log.append(r);
    }
  });

  it('answers who did what with one casus in a period, oldest first', async () => {
    const lines = await log.ofCasus(casusA, period, 10);
    assert.deepEqual(
      lines.map((r) => [r.at.slice(0, 13), r.actor.name, r.result]),
      [
        ['2026-12-02T10', 'Jeroen de Vries', 'shown'],
        ['2026-12-02T12', 'Anouk Bakker', 'refused'],
        ['2026-12-03T10', 'Jeroen de Vries', 'shown'],
      ],
    );
    assert.equal((await log.ofCasus(casusA, period, 2)).length, 2, 'at most the limit');
  });

  it('answers what one person did in a period across casussen, oldest first', async () => {
    const lines = await log.ofPerson(jeroen, period, 10);
    assert.deepEqual(
      lines.map((r) => [r.at.slice(0, 13), r.casusNumber ?? r.casusId]),
      [
        ['2026-12-02T10', 'LK-ROT-2026-0001'],
        ['2026-12-02T11', 'LK-ROT-2026-0002'],
        ['2026-12-02T13', noCasusPartition(jeroen)],
        ['2026-12-03T10', 'LK-ROT-2026-0001'],
      ],
    );
  });

  it('never overwrites a record: appending one with an existing id is refused and changes nothing', async () => {
    const [first] = await log.ofCasus(casusB, period, 1);
    assert.ok(first);
    await assert.rejects(log.append({ ...first, result: 'refused' }), StoreUnavailableError);
    assert.deepEqual(await log.ofCasus(casusB, period, 1), [first]);
  });
});
