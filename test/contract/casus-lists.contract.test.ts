import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { CosmosCasusRepository } from '../../src/storage/cosmos-casus.repository';
import { loadSearchKey } from '../../src/storage/cosmos-search-key';
import { submissionOf, validFormValues } from '../helpers/intake-values';
import { sampleCasus } from '../helpers/samples';
import { useTempStore } from '../helpers/temp-store';

function submitted(overrides: Partial<Casus>): Casus {
  return sampleCasus({
    state: 'aangemeld',
    kamerId: 'lk-rotterdam',
    casusNumber: `LK-ROT-2026-${String(Math.floor(Math.random() * 9000) + 1000)}`,
    submission: submissionOf(
      '2026-11-20T10:00:00.000Z',
      { ...validFormValues, urgentie: 'zeer-hoog', doorbraakNodig: 'true' },
      '2026-11-23',
    ),
    ...overrides,
  });
}

describe('CosmosCasusRepository lists and searches against the embedded server', () => {
  const temp = useTempStore('contract-lists');
  let repository: CosmosCasusRepository;
  before(() => {
    repository = new CosmosCasusRepository(temp.store.containers.casussen);
  });

  it('lists the rows of the casussen of these kamers in these states, and only the row fields', async () => {
    const dueAt = '2026-11-27T23:00:00.000Z';
    const deadline = { state: 'aangemeld', dueAt, remindAt: '2026-11-26T23:00:00.000Z' } as const;
    const open = submitted({ deadline: { ...deadline, notified: 'geen' } });
    const escalated = submitted({ state: 'in_behandeling_zvh' });
    const closed = submitted({ state: 'afgesloten' });
    const elsewhere = submitted({ kamerId: 'lk-schiedam' });
    for (const casus of [open, escalated, closed, elsewhere])
      assert.ok((await repository.create(casus)).ok);

    const rows = await repository.listOpenRows(
      ['lk-rotterdam'],
      ['aangemeld', 'in_behandeling_zvh', 'afgesloten'],
      100,
    );
    // A closed casus is never on a list, whatever is asked.
    assert.deepEqual(rows.map((row) => row.id).sort(), [open.id, escalated.id].sort());
    assert.deepEqual(
      rows.find((row) => row.id === open.id),
      {
        id: open.id,
        casusNumber: open.casusNumber,
        state: 'aangemeld',
        kamerId: 'lk-rotterdam',
        createdAt: open.createdAt,
        submittedAt: '2026-11-20T10:00:00.000Z',
        urgentie: 'zeer-hoog',
        doorbraakNodig: true,
        dueAt,
      },
    );
    // A step without a termijn has no due time in its row (not null: the projection leaves it out).
    assert.ok(!('dueAt' in rows.find((row) => row.id === escalated.id)!));
    assert.deepEqual(
      (await repository.listOpenRows(['lk-rotterdam'], ['in_behandeling_zvh'], 100)).map(
        (row) => row.id,
      ),
      [escalated.id],
    );
    assert.equal(
      (await repository.listOpenRows(['lk-rotterdam', 'lk-schiedam'], ['aangemeld'], 1)).length,
      1,
    );
    assert.deepEqual(await repository.listOpenRows([], ['aangemeld'], 100), []);
  });

  it('finds submitted casussen by betrokkene key, and nothing for another key', async () => {
    const key = randomUUID();
    const mine = submitted({ betrokkeneKey: key });
    assert.ok((await repository.create(mine)).ok);
    assert.ok((await repository.create(submitted({ betrokkeneKey: randomUUID() }))).ok);
    const found = await repository.findByBetrokkeneKey(key, 20);
    assert.deepEqual(
      found.map((f) => f.value.id),
      [mine.id],
    );
    assert.ok(found[0]?.etag);
    assert.deepEqual(await repository.findByBetrokkeneKey(randomUUID(), 20), []);
  });

  it('finds submitted casussen by BSN key, not by their name key, and nothing for another key', async () => {
    const key = randomUUID();
    const mine = submitted({ bsnKey: key, betrokkeneKey: randomUUID() });
    assert.ok((await repository.create(mine)).ok);
    assert.ok((await repository.create(submitted({ betrokkeneKey: key }))).ok);
    const found = await repository.findByBsnKey(key, 20);
    assert.deepEqual(
      found.map((f) => f.value.id),
      [mine.id],
    );
    assert.deepEqual(await repository.findByBsnKey(randomUUID(), 20), []);
  });

  it('lists the rows of what a person created, newest first, with when each was last written', async () => {
    const creator = { ...sampleCasus().createdBy, id: randomUUID() };
    const older = sampleCasus({ createdBy: creator, createdAt: '2026-11-01T10:00:00.000Z' });
    const newer = sampleCasus({
      createdBy: creator,
      createdAt: '2026-11-02T10:00:00.000Z',
      intake: {
        step: 'criteria-1-2',
        values: { naam: 'Samira Bouzid', doorbraakToelichting: 'x'.repeat(4000) },
      },
    });
    const before = Date.now();
    for (const casus of [older, newer]) assert.ok((await repository.create(casus)).ok);
    const listed = await repository.listRowsCreatedBy(creator.id, 20);
    assert.deepEqual(
      listed.map((l) => l.id),
      [newer.id, older.id],
    );
    assert.equal(listed[0]?.draftNaam, 'Samira Bouzid');
    assert.equal(listed[0]?.step, 'criteria-1-2');
    // A projection: the answers themselves are not read.
    assert.ok(JSON.stringify(listed).length < 1000, JSON.stringify(listed));
    for (const { changedAt } of listed) {
      // The store's own timestamp, in whole seconds.
      assert.ok(Date.parse(changedAt) >= Math.floor(before / 1000) * 1000);
      assert.ok(Date.parse(changedAt) <= Date.now());
    }
    assert.equal((await repository.listRowsCreatedBy(creator.id, 1)).length, 1);

    // A draft's name is unchecked: a row holds only its start.
    const longName = sampleCasus({
      createdBy: creator,
      intake: { step: 'betrokkene', values: { naam: 'Ab'.repeat(2000) } },
    });
    assert.ok((await repository.create(longName)).ok);
    const [row] = await repository.listRowsCreatedBy(creator.id, 1);
    assert.equal(row?.draftNaam, `${'Ab'.repeat(50)}A`);
  });

  it('makes the search key once and reads the same one at every start, also two at once', async () => {
    const { counters } = temp.store.containers;
    const [first, second] = await Promise.all([loadSearchKey(counters), loadSearchKey(counters)]);
    assert.equal(first.length, 32);
    assert.deepEqual(second, first);
    assert.deepEqual(await loadSearchKey(counters), first);
  });
});
