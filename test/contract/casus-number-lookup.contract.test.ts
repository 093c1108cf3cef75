import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CosmosCasusRepository } from '../../src/storage/cosmos-casus.repository';
import { sampleCasus } from '../helpers/samples';
import { useTempStore } from '../helpers/temp-store';

describe('finding a casus by number through its number entry (real @azure/cosmos SDK)', () => {
  const temp = useTempStore('casus-number-lookup');
  let repository: CosmosCasusRepository;
  before(() => {
    repository = new CosmosCasusRepository(temp.store.containers.casussen);
  });
  const numbered = (casusNumber: string) =>
    sampleCasus({ state: 'aangemeld', kamerId: 'lk-rotterdam', casusNumber });

  it('finds the casus its number was reserved for, and reserving again for it is harmless', async () => {
    const casus = numbered('LK-ROT-2026-0101');
    await repository.reserveNumber('LK-ROT-2026-0101', casus.id);
    await repository.reserveNumber('LK-ROT-2026-0101', casus.id); // a retry after a lost answer
    assert.ok((await repository.create(casus)).ok);
    assert.equal((await repository.findByNumber('LK-ROT-2026-0101'))?.value.id, casus.id);
  });

  it('refuses a number reserved for another casus', async () => {
    await repository.reserveNumber('LK-ROT-2026-0102', randomUUID());
    await assert.rejects(
      repository.reserveNumber('LK-ROT-2026-0102', randomUUID()),
      /taken by another casus/,
    );
  });

  it('finds no casus under a number whose casus write never happened', async () => {
    const lost = numbered('LK-ROT-2026-0103');
    await repository.reserveNumber('LK-ROT-2026-0103', lost.id);
    assert.equal(await repository.findByNumber('LK-ROT-2026-0103'), undefined);
    // Nor when that casus exists without the number (its submit lost the race).
    assert.ok((await repository.create({ ...lost, casusNumber: undefined, state: 'concept' })).ok);
    assert.equal(await repository.findByNumber('LK-ROT-2026-0103'), undefined);
  });

  it('still finds a casus numbered before number entries existed, and no casus for an unknown number', async () => {
    const older = numbered('LK-ROT-2025-0007');
    assert.ok((await repository.create(older)).ok);
    assert.equal((await repository.findByNumber('LK-ROT-2025-0007'))?.value.id, older.id);
    assert.equal(await repository.findByNumber('LK-ROT-2025-9999'), undefined);
  });

  it('finds no casus under a number no Cosmos DB id can hold (as a user may type it), instead of failing', async () => {
    for (const typed of [
      'LK-ROT-2026-0101#',
      'LK/ROT',
      'LK-ROT-2026-0101?x',
      'LK\\ROT',
      'X'.repeat(300),
      'LK-ROT-2026-0101\ud800',
    ])
      assert.equal(await repository.findByNumber(typed), undefined, typed);
  });

  it('keeps number entries out of every casus list', async () => {
    const rows = await repository.listOpenRows(['lk-rotterdam'], ['aangemeld'], 100);
    assert.ok(rows.every((row) => row.casusNumber.startsWith('LK-ROT-')));
    assert.ok(!rows.some((row) => row.id.startsWith('LK-')));
    const pending = await repository.listWithPendingOutbox(100);
    assert.ok(pending.every(({ value }) => value.kind === 'casus'));
  });
});
