import assert from 'node:assert/strict';
import type { AccessLogStore } from '../../src/app/access/access-log';
import { AccessRecorder } from '../../src/app/access/access-recorder';
import type { AccessRecord } from '../../src/domain/access/access-record.schema';
import { MemoryAccessLog } from '../helpers/memory-access-log';

const actor = { personId: 'p1', name: 'Jeroen de Vries', organisationId: 'o', roles: [] };
const casus = { id: 'c1', casusNumber: 'LK-ROT-2026-0001', kamerId: 'lk-rotterdam' };

function recorder(store: AccessLogStore, lost: [AccessRecord, unknown][] = []) {
  let n = 0;
  return new AccessRecorder(store, {
    actor,
    why: 'casus.decide',
    now: () => new Date('2026-12-03T10:00:00.000Z'),
    newId: () => `00000000-0000-4000-8000-00000000000${++n}`,
    lost: (record, error) => lost.push([record, error]),
  });
}

const storeWhoseAppend = (append: () => Promise<void>): AccessLogStore => ({
  append,
  ofCasus: () => Promise.resolve([]),
  ofPerson: () => Promise.resolve([]),
});

describe('access recorder (one turn’s records)', () => {
  it('records each casus, what and result once, and folds a view into the change of the same casus', async () => {
    const log = new MemoryAccessLog();
    const access = recorder(log);
    access.viewed(casus, 'shown');
    access.viewed(casus, 'shown');
    access.record('decision', casus, 'changed');
    access.viewed({ id: 'c2' }, 'refused');
    await access.settled();
    assert.deepEqual(
      log.records.map((r) => [r.casusId, r.what, r.result, r.why, r.casusNumber, r.kamerId]),
      [
        ['c1', 'decision', 'changed', 'casus.decide', 'LK-ROT-2026-0001', 'lk-rotterdam'],
        ['c2', 'view', 'refused', 'casus.decide', undefined, undefined],
      ],
    );
  });

  it('records a search that showed nothing in the searcher’s own partition', async () => {
    const log = new MemoryAccessLog();
    const access = recorder(log);
    access.searched([]);
    await access.settled();
    assert.deepEqual(
      log.records.map((r) => [r.casusId, r.what]),
      [['geen-casus:p1', 'search']],
    );
  });

  it('hands a record the store refuses to `lost`, whole, and the turn goes on', async () => {
    const lost: [AccessRecord, unknown][] = [];
    const failing = storeWhoseAppend(() => Promise.reject(new Error('store down')));
    const access = recorder(failing, lost);
    access.viewed(casus, 'shown');
    await access.settled();
    assert.equal(lost.length, 1);
    assert.equal(lost[0]?.[0].casusId, 'c1');
  });

  it('waits at most a second for a store that never answers', async () => {
    const hanging = storeWhoseAppend(() => new Promise(() => undefined));
    const access = recorder(hanging);
    access.viewed(casus, 'shown');
    const started = Date.now();
    await access.settled();
    const waited = Date.now() - started;
    assert.ok(waited >= 900 && waited < 3000, `waited ${waited} ms`);
  });
});
