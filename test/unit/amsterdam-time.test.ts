import assert from 'node:assert/strict';
import {
  amsterdamDayOf,
  amsterdamOffsetMinutes,
  startOfAmsterdamDay,
  toInstant,
} from '../../src/domain/deadlines/amsterdam-time';
import { addDays, formatDay } from '../../src/domain/deadlines/calendar-day';

const dayOf = (instant: string | Date) => formatDay(amsterdamDayOf(instant));

describe('Europe/Amsterdam calendar days', () => {
  it('reads the Amsterdam day, which starts one or two hours before the UTC day', () => {
    assert.equal(dayOf('2026-03-27T22:59:59.999Z'), '2026-03-27');
    assert.equal(dayOf('2026-03-27T23:00:00.000Z'), '2026-03-28'); // 00:00 +01:00
    assert.equal(dayOf('2026-07-02T21:59:59.999Z'), '2026-07-02');
    assert.equal(dayOf('2026-07-02T22:00:00.000Z'), '2026-07-03'); // 00:00 +02:00
    assert.equal(dayOf('2026-07-03T00:30:00+02:00'), '2026-07-03');
  });

  it('starts each day at 00:00 Amsterdam, on both sides of the clock changes', () => {
    assert.equal(startOfAmsterdamDay('2026-03-28'), '2026-03-27T23:00:00.000Z');
    assert.equal(startOfAmsterdamDay('2026-03-29'), '2026-03-28T23:00:00.000Z'); // a 23-hour day
    assert.equal(startOfAmsterdamDay('2026-03-30'), '2026-03-29T22:00:00.000Z');
    assert.equal(startOfAmsterdamDay('2026-10-25'), '2026-10-24T22:00:00.000Z'); // a 25-hour day
    assert.equal(startOfAmsterdamDay('2026-10-26'), '2026-10-25T23:00:00.000Z');
    assert.equal(startOfAmsterdamDay({ year: 2027, month: 1, day: 1 }), '2026-12-31T23:00:00.000Z');
  });

  it('gives for every day of two years the instant that is its first, not the one before', () => {
    for (let d = '2026-01-01'; d < '2028-01-01'; d = formatDay(addDays(d, 1))) {
      const start = new Date(startOfAmsterdamDay(d));
      assert.equal(dayOf(start), d);
      assert.equal(dayOf(new Date(start.getTime() - 1)), formatDay(addDays(d, -1)), d);
      assert.equal(start.getTime() % 3_600_000, 0, d); // Amsterdam's offsets are whole hours
    }
  });

  it('switches offset at 01:00 UTC on the last Sundays of March and October', () => {
    assert.equal(amsterdamOffsetMinutes('2026-03-29T00:59:59.999Z'), 60);
    assert.equal(amsterdamOffsetMinutes('2026-03-29T01:00:00.000Z'), 120);
    assert.equal(amsterdamOffsetMinutes('2026-10-25T00:59:59.999Z'), 120);
    assert.equal(amsterdamOffsetMinutes('2026-10-25T01:00:00.000Z'), 60);
    assert.equal(amsterdamOffsetMinutes(new Date('2027-03-28T01:00:00Z')), 120);
  });

  it('refuses an instant without a zone, which the host would read in its own', () => {
    assert.throws(() => toInstant('2026-03-27T10:00:00'), RangeError);
    assert.throws(() => toInstant('2026-03-27'), RangeError);
    assert.throws(() => toInstant('gisteren'), RangeError);
    assert.throws(() => toInstant(new Date(Number.NaN)), RangeError);
    assert.equal(toInstant('2026-03-27T10:00:00+01:00').toISOString(), '2026-03-27T09:00:00.000Z');
  });
});
