import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  casusDeadlineSchema,
  dueNotice,
  nextAlert,
  type CasusDeadline,
} from '../../src/domain/deadlines/casus-deadline';
import { deadlineFor } from '../../src/domain/deadlines/termijnen';

describe('deadline notices', () => {
  const deadline: CasusDeadline = casusDeadlineSchema.parse(
    deadlineFor('aangemeld', '2026-12-03T10:00:00.000Z', 5), // reminder 2026-12-09T23:00Z, due 2026-12-10T23:00Z
  );

  it('stores a deadline with no notice sent yet, and only for a state with a termijn', () => {
    assert.equal(deadline.notified, 'geen');
    const stored = { ...deadline, notified: 'herinnerd' };
    assert.deepEqual(casusDeadlineSchema.parse(JSON.parse(JSON.stringify(stored))), stored);
    assert.equal(casusDeadlineSchema.safeParse({ ...deadline, state: 'afgewezen' }).success, false);
    assert.equal(casusDeadlineSchema.safeParse({ ...deadline, notified: 'ja' }).success, false);
    assert.equal(casusDeadlineSchema.safeParse({ ...deadline, dueAt: 'morgen' }).success, false);
  });

  it('plans the reminder, then the expiry, then nothing', () => {
    assert.deepEqual(nextAlert(deadline), { notice: 'termijn-herinnering', at: deadline.remindAt });
    const reminded = { ...deadline, notified: 'herinnerd' as const };
    assert.deepEqual(nextAlert(reminded), { notice: 'termijn-verlopen', at: deadline.dueAt });
    assert.equal(nextAlert({ ...deadline, notified: 'verlopen' }), undefined);
  });

  it('sends the reminder from remindAt and the expiry from dueAt, each once', () => {
    assert.equal(dueNotice(deadline, '2026-12-09T22:59:59.999Z'), undefined);
    const reminder = dueNotice(deadline, new Date('2026-12-09T23:00:00.000Z'));
    assert.equal(reminder?.notice, 'termijn-herinnering');
    assert.equal(reminder.deadline.notified, 'herinnerd');
    assert.equal(dueNotice(reminder.deadline, '2026-12-10T12:00:00Z'), undefined);
    const expiry = dueNotice(reminder.deadline, '2026-12-10T23:00:00.000Z');
    assert.equal(expiry?.notice, 'termijn-verlopen');
    assert.equal(expiry.deadline.notified, 'verlopen');
    assert.equal(dueNotice(expiry.deadline, '2027-06-01T00:00:00Z'), undefined);
  });

  it('never reminds after the deadline has passed: a late sweep sends only the expiry', () => {
    const late = dueNotice(deadline, '2026-12-11T08:00:00Z');
    assert.deepEqual(late, {
      notice: 'termijn-verlopen',
      deadline: { ...deadline, notified: 'verlopen' },
    });
  });

  it('in any series of sweeps, sends each notice at most once and in its window', () => {
    const remindAt = Date.parse(deadline.remindAt);
    const dueAt = Date.parse(deadline.dueAt);
    const moment = fc.integer({ min: remindAt - 2 * 86_400_000, max: dueAt + 2 * 86_400_000 });
    fc.assert(
      fc.property(fc.array(moment, { maxLength: 12 }), (unsorted) => {
        const sweeps = [...unsorted].sort((a, b) => a - b);
        let current = deadline;
        const sent: [string, number][] = [];
        for (const at of sweeps) {
          const due = dueNotice(current, new Date(at));
          if (!due) continue;
          sent.push([due.notice, at]);
          current = due.deadline;
        }
        const names = sent.map(([notice]) => notice);
        assert.equal(new Set(names).size, names.length);
        for (const [notice, at] of sent) {
          if (notice === 'termijn-herinnering') assert.ok(at >= remindAt && at < dueAt);
          else assert.ok(at >= dueAt);
        }
        const first = sweeps.find((at) => at >= remindAt);
        assert.equal(names.includes('termijn-herinnering'), first !== undefined && first < dueAt);
        assert.equal(
          names.includes('termijn-verlopen'),
          sweeps.some((at) => at >= dueAt),
        );
        if (names.length === 2) assert.equal(names[0], 'termijn-herinnering');
      }),
    );
  });

  it('has a notice due exactly from the moment nextAlert names', () => {
    for (const d of [deadline, { ...deadline, notified: 'herinnerd' as const }]) {
      const alert = nextAlert(d);
      assert.ok(alert);
      assert.equal(dueNotice(d, new Date(Date.parse(alert.at) - 1)), undefined);
      assert.equal(dueNotice(d, alert.at)?.notice, alert.notice);
    }
  });
});
