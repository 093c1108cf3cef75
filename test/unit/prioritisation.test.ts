import assert from 'node:assert/strict';
import { listRowOf } from '../../src/domain/casus/casus-list-row';
import { prioritise } from '../../src/domain/casus/prioritisation';
import { defaultPrioritisation } from '../../src/domain/registry/registry.schema';
import { submissionOf, validFormValues } from '../helpers/intake-values';
import { sampleCasus } from '../helpers/samples';

const now = new Date('2026-11-23T12:00:00Z');

function submitted(number: string, daysAgo: number, values: Record<string, string> = {}) {
  const submittedAt = new Date(now.getTime() - daysAgo * 86_400_000).toISOString();
  return listRowOf(
    sampleCasus({
      state: 'aangemeld',
      casusNumber: number,
      kamerId: 'lk-rotterdam',
      submission: submissionOf(submittedAt, { ...validFormValues, ...values }, '2026-11-23'),
    }),
  );
}

describe('casuslijst prioritisation', () => {
  it('scores urgency, doorbraak and waiting time by the kamer weights, and explains each score', () => {
    const ranked = prioritise(
      [
        submitted('A', 3, { urgentie: 'normaal' }),
        submitted('B', 1, { urgentie: 'zeer-hoog', doorbraakNodig: 'true' }),
        submitted('C', 10, { urgentie: 'hoog' }),
      ],
      defaultPrioritisation,
      now,
    );
    assert.deepEqual(
      ranked.map((r) => [r.casus.casusNumber, r.score]),
      [
        ['B', 56],
        ['C', 30],
        ['A', 3],
      ],
    );
    assert.deepEqual(ranked[0]?.reasons, [
      'urgentie zeer hoog (+40)',
      'doorbraak nodig (+15)',
      '1 dag wachtend (+1)',
    ]);
    assert.deepEqual(ranked[2]?.reasons, ['3 dagen wachtend (+3)']);
  });

  it('follows other weights set by the overheidsdeelnemers, and breaks ties by waiting time', () => {
    const onlyWaiting = {
      urgency: { normaal: 0, hoog: 0, 'zeer-hoog': 0 },
      doorbraak: 0,
      perWaitingDay: 0,
    };
    const ranked = prioritise(
      [submitted('new', 1, { urgentie: 'zeer-hoog' }), submitted('old', 5)],
      onlyWaiting,
      now,
    );
    assert.deepEqual(
      ranked.map((r) => r.casus.casusNumber),
      ['old', 'new'],
    );
    assert.deepEqual(ranked[0]?.reasons, []);
  });

  it('puts a casus whose termijn has passed above every casus within its termijn, and marks it', () => {
    const due = (row: ReturnType<typeof submitted>, dueAt: string) => ({ ...row, dueAt });
    const ranked = prioritise(
      [
        submitted('urgent', 1, { urgentie: 'zeer-hoog' }),
        due(submitted('overdue-normal', 2, { urgentie: 'normaal' }), '2026-11-20T23:00:00.000Z'),
        due(submitted('overdue-high', 2, { urgentie: 'hoog' }), '2026-11-22T23:00:00.000Z'),
        due(submitted('due-later', 3), '2026-11-23T23:00:00.000Z'),
        due(submitted('due-now', 0, { urgentie: 'normaal' }), now.toISOString()),
      ],
      defaultPrioritisation,
      now,
    );
    assert.deepEqual(
      ranked.map((r) => [r.casus.casusNumber, r.overdue]),
      [
        ['overdue-high', true],
        ['overdue-normal', true],
        ['due-now', true],
        ['urgent', false],
        ['due-later', false],
      ],
    );
  });
});
