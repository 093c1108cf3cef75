import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  amsterdamDayOf,
  amsterdamOffsetMinutes,
  startOfAmsterdamDay,
} from '../../src/domain/deadlines/amsterdam-time';
import { addDays, formatDay } from '../../src/domain/deadlines/calendar-day';
import {
  deadlineFor,
  defaultTermijnen,
  termijnenSchema,
} from '../../src/domain/deadlines/termijnen';
import { isWerkdag, werkdagenBetween } from '../../src/domain/deadlines/werkdagen';
import { kamerSchema, registrySeedSchema } from '../../src/domain/registry/registry.schema';

const due = (enteredAt: string, n: number) => deadlineFor('aangemeld', enteredAt, n);
const dayOf = (instant: string) => formatDay(amsterdamDayOf(instant));

describe('termijnen of a kamer', () => {
  it('defaults to 5, 10 and 5 werkdagen, per state that is left out', () => {
    assert.deepEqual(termijnenSchema.parse(undefined), {
      aangemeld: 5,
      aanvulling_gevraagd: 10,
      opschaling_aangevraagd: 5,
    });
    assert.deepEqual(termijnenSchema.parse({ aanvulling_gevraagd: 15 }), {
      ...defaultTermijnen,
      aanvulling_gevraagd: 15,
    });
  });

  it('refuses a termijn outside 1..60 whole werkdagen, and a misspelt state', () => {
    for (const bad of [0, 61, 2.5, '5']) {
      assert.equal(termijnenSchema.safeParse({ aangemeld: bad }).success, false, String(bad));
    }
    assert.equal(termijnenSchema.safeParse({ 'aanvulling-gevraagd': 3 }).success, false);
  });

  it('gives every kamer termijnen, also one stored before they existed', () => {
    const old = {
      kind: 'kamer',
      id: 'zvh-x',
      name: 'ZVH X',
      code: 'ZVHX',
      type: 'zvh',
      regio: 'Regio X',
    };
    assert.deepEqual(kamerSchema.parse(old).termijnen, defaultTermijnen);
    const own = kamerSchema.parse({ ...old, termijnen: { opschaling_aangevraagd: 3 } });
    assert.equal(own.termijnen.opschaling_aangevraagd, 3);
    const seed = registrySeedSchema.parse(
      JSON.parse(readFileSync('seed/registry.demo.json', 'utf8')),
    );
    seed.kamers.forEach((kamer) => assert.deepEqual(kamer.termijnen, defaultTermijnen));
  });
});

describe('deadlineFor', () => {
  it('ends at 00:00 Amsterdam after the nth werkdag, with the reminder at its start', () => {
    // Thursday 3 December 2026: Friday, Monday to Thursday are the five werkdagen.
    assert.deepEqual(deadlineFor('aangemeld', '2026-12-03T10:00:00.000Z', 5), {
      state: 'aangemeld',
      dueAt: '2026-12-10T23:00:00.000Z',
      remindAt: '2026-12-09T23:00:00.000Z',
    });
  });

  it('skips the Kerstdagen and Nieuwjaarsdag', () => {
    assert.deepEqual(deadlineFor('aanvulling_gevraagd', '2026-12-22T09:00:00Z', 10), {
      state: 'aanvulling_gevraagd',
      dueAt: '2027-01-07T23:00:00.000Z', // 23, 24, 28-31 December, 4-7 January
      remindAt: '2027-01-06T23:00:00.000Z',
    });
    assert.equal(due('2026-12-22T09:00:00Z', 5).dueAt, '2026-12-30T23:00:00.000Z');
  });

  it('skips Goede Vrijdag and Easter, and moves to summer time on the way', () => {
    const entered = '2026-03-27T10:00:00.000Z'; // Friday, +01:00
    assert.equal(amsterdamOffsetMinutes(entered), 60);
    const five = due(entered, 5); // 30 March - 2 April, then Tuesday 7 April
    assert.equal(five.dueAt, '2026-04-07T22:00:00.000Z'); // Wednesday 00:00 +02:00
    assert.equal(five.remindAt, '2026-04-06T22:00:00.000Z'); // Tuesday 00:00, not Easter Monday
    const one = due(entered, 1); // Monday 30 March, after the clocks went forward on Sunday
    assert.equal(one.dueAt, '2026-03-30T22:00:00.000Z');
    assert.equal(one.remindAt, '2026-03-29T22:00:00.000Z');
    assert.equal(amsterdamOffsetMinutes(one.dueAt), 120);
  });

  it('moves back to winter time in October', () => {
    const one = deadlineFor('opschaling_aangevraagd', '2026-10-23T14:00:00Z', 1); // Friday
    assert.equal(one.dueAt, '2026-10-26T23:00:00.000Z'); // Tuesday 00:00 +01:00
    assert.equal(one.remindAt, '2026-10-25T23:00:00.000Z'); // Monday 00:00 +01:00
  });

  it('skips Koningsdag on 26 April 2025', () => {
    assert.equal(due('2025-04-25T12:00:00Z', 1).dueAt, '2025-04-28T22:00:00.000Z');
  });

  it('counts from the next werkdag when entered on a Saturday', () => {
    const saturday = due('2026-06-13T10:00:00Z', 1);
    assert.equal(dayOf(saturday.remindAt), '2026-06-15');
    assert.equal(saturday.dueAt, '2026-06-15T22:00:00.000Z');
    assert.deepEqual(due('2026-06-12T10:00:00Z', 1), saturday); // the Friday before too
  });

  it('counts from the Amsterdam day of entering, not the UTC day', () => {
    // 00:30 on Friday 4 December in Amsterdam, still Thursday in UTC.
    assert.equal(due('2026-12-03T23:30:00.000Z', 1).dueAt, '2026-12-07T23:00:00.000Z');
    // 23:30 on Thursday 3 December in Amsterdam.
    assert.equal(due('2026-12-03T22:30:00.000Z', 1).dueAt, '2026-12-04T23:00:00.000Z');
    // 00:30 on Friday 3 July in summer time, Thursday 22:30 in UTC.
    assert.equal(due('2026-07-02T22:30:00.000Z', 1).dueAt, '2026-07-06T22:00:00.000Z');
  });

  it('reminds on the last werkdag before the end, also after a long weekend', () => {
    // Entered Thursday 2 April: the one werkdag is Tuesday 7 April, after Goede Vrijdag to Easter Monday.
    const after = due('2026-04-02T08:00:00Z', 1);
    assert.equal(dayOf(after.remindAt), '2026-04-07');
    assert.equal(after.dueAt, '2026-04-07T22:00:00.000Z');
    // Ending at the start of Goede Vrijdag: the reminder comes on Thursday, not on a feestdag.
    const before = due('2026-04-01T08:00:00Z', 1);
    assert.equal(before.dueAt, '2026-04-02T22:00:00.000Z');
    assert.equal(before.remindAt, '2026-04-01T22:00:00.000Z');
  });

  it('refuses a termijn outside 1..60 and an instant without a zone', () => {
    assert.throws(() => due('2026-06-12T10:00:00Z', 0), RangeError);
    assert.throws(() => due('2026-06-12T10:00:00Z', 61), RangeError);
    assert.throws(() => due('2026-06-12T10:00:00', 5), RangeError);
  });

  it('for every day of 2026 and 1..15 werkdagen, spans exactly that many werkdagen', () => {
    for (let d = '2026-01-01'; d <= '2026-12-31'; d = formatDay(addDays(d, 1))) {
      const start = Date.parse(startOfAmsterdamDay(d));
      const end = Date.parse(startOfAmsterdamDay(addDays(d, 1))) - 1;
      for (const at of [start, start + 12 * 3_600_000, end]) {
        const enteredAt = new Date(at).toISOString();
        assert.equal(dayOf(enteredAt), d);
        for (let n = 1; n <= 15; n += 1) {
          const { dueAt, remindAt } = due(enteredAt, n);
          const lastDay = formatDay(amsterdamDayOf(new Date(Date.parse(dueAt) - 1)));
          assert.equal(startOfAmsterdamDay(addDays(lastDay, 1)), dueAt, `${enteredAt} ${n}`);
          assert.equal(isWerkdag(lastDay), true, `${enteredAt} ${n}`);
          assert.equal(werkdagenBetween(d, lastDay), n, `${enteredAt} ${n}`);
          assert.equal(remindAt, startOfAmsterdamDay(lastDay));
          assert.ok(Date.parse(remindAt) > at);
        }
      }
    }
  });
});
