import assert from 'node:assert/strict';
import {
  addDays,
  formatDay,
  parseDay,
  weekday,
  type DayLike,
} from '../../src/domain/deadlines/calendar-day';
import {
  addWerkdagen,
  easterSunday,
  isWerkdag,
  nonWerkdagReason,
  werkdagBefore,
  werkdagenBetween,
} from '../../src/domain/deadlines/werkdagen';

const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = formatDay(addDays(d, 1))) out.push(d);
  return out;
};
const reason = (day: DayLike) => nonWerkdagReason(day);

describe('werkdagen (Algemene termijnenwet art. 3)', () => {
  it('finds Easter Sunday by the Gregorian computus', () => {
    const known: Record<number, string> = {
      1943: '1943-04-25', // latest possible
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
      2285: '2285-03-22', // earliest possible
    };
    for (const [year, easter] of Object.entries(known)) {
      assert.equal(formatDay(easterSunday(Number(year))), easter, year);
    }
  });

  it('knows exactly the Atw days of 2026 on weekdays, and nothing else', () => {
    const found = days('2026-01-01', '2026-12-31')
      .filter((d) => weekday(d) !== 0 && weekday(d) !== 6 && !isWerkdag(d))
      .map((d) => `${d} ${reason(d)}`);
    assert.deepEqual(found, [
      '2026-01-01 Nieuwjaarsdag',
      '2026-04-03 Goede Vrijdag',
      '2026-04-06 Tweede Paasdag',
      '2026-04-27 Koningsdag',
      '2026-05-05 Bevrijdingsdag', // not a lustrum year: the Atw frees it every year
      '2026-05-14 Hemelvaartsdag',
      '2026-05-25 Tweede Pinksterdag',
      '2026-12-25 Eerste Kerstdag',
    ]);
  });

  it('celebrates Koningsdag on 26 April when 27 April is a Sunday, as in 2025', () => {
    assert.equal(weekday('2025-04-27'), 0);
    assert.equal(reason('2025-04-26'), 'Koningsdag');
    assert.equal(reason('2025-04-27'), 'zondag');
    assert.equal(isWerkdag('2025-04-28'), true);
    assert.equal(reason('2024-04-27'), 'Koningsdag'); // a Saturday, not moved
    assert.equal(isWerkdag('2024-04-26'), true);
  });

  it('places the moving feestdagen at their distance from Easter in every year', () => {
    for (let year = 2014; year <= 2060; year += 1) {
      const easter = easterSunday(year);
      assert.equal(weekday(easter), 0, `${year}`);
      const at = (offset: number) => reason(addDays(easter, offset));
      const shouldBe = (offset: number, name: string, dow: number) => {
        if (!(year === 2016 && offset === 39)) assert.equal(at(offset), name, `${year} ${offset}`);
        assert.equal(weekday(addDays(easter, offset)), dow);
      };
      shouldBe(-2, 'Goede Vrijdag', 5);
      shouldBe(0, 'Eerste Paasdag', 0);
      shouldBe(1, 'Tweede Paasdag', 1);
      shouldBe(39, 'Hemelvaartsdag', 4);
      shouldBe(49, 'Eerste Pinksterdag', 0);
      shouldBe(50, 'Tweede Pinksterdag', 1);
      assert.equal(isWerkdag(addDays(easter, -3)), true, 'Witte Donderdag is a werkdag');
      // The Tuesday after Easter is a werkdag, unless Easter is 25 April (2038: Koningsdag).
      const tuesday = addDays(easter, 2);
      const expected = formatDay(tuesday).endsWith('-04-27') ? 'Koningsdag' : undefined;
      assert.equal(reason(tuesday), expected, `${year}`);
    }
    // 2016: Hemelvaartsdag fell on 5 mei; the day is no werkdag under either name.
    assert.equal(formatDay(addDays(easterSunday(2016), 39)), '2016-05-05');
    assert.equal(isWerkdag('2016-05-05'), false);
    assert.equal(reason('2038-04-27'), 'Koningsdag');
  });

  it('frees both Kerstdagen and Nieuwjaarsdag, with no substitute days for a weekend', () => {
    assert.equal(reason('2027-12-25'), 'Eerste Kerstdag'); // a Saturday
    assert.equal(reason('2027-12-26'), 'Tweede Kerstdag'); // a Sunday
    assert.equal(isWerkdag('2027-12-27'), true);
    assert.equal(isWerkdag('2027-12-24'), true);
    assert.equal(isWerkdag('2026-12-31'), true); // oudejaarsdag is no feestdag
    assert.equal(reason('2028-01-01'), 'Nieuwjaarsdag');
    assert.equal(isWerkdag('2026-05-04'), true); // Dodenherdenking is no feestdag
  });

  it('refuses years before Koningsdag and days that do not exist', () => {
    assert.throws(() => isWerkdag('2013-04-30'), RangeError);
    assert.throws(() => parseDay('2026-02-29'), RangeError);
    assert.throws(() => parseDay('2026-4-1'), RangeError);
    assert.throws(() => isWerkdag({ year: 2026, month: 13, day: 1 }), RangeError);
    assert.deepEqual(parseDay('2028-02-29'), { year: 2028, month: 2, day: 29 });
  });

  it('agrees with Date on the day of the week', () => {
    for (const d of days('2025-12-01', '2028-03-31')) {
      assert.equal(weekday(d), new Date(`${d}T12:00:00Z`).getUTCDay(), d);
    }
  });

  it('counts werkdagen from the day after, over weekends and feestdagen', () => {
    assert.equal(formatDay(addWerkdagen('2026-04-02', 1)), '2026-04-07'); // over Easter
    assert.equal(formatDay(addWerkdagen('2026-04-03', 1)), '2026-04-07'); // from Goede Vrijdag
    assert.equal(formatDay(addWerkdagen('2026-06-12', 1)), '2026-06-15'); // Friday to Monday
    assert.equal(formatDay(addWerkdagen('2026-06-15', 1)), '2026-06-16');
    assert.equal(formatDay(addWerkdagen('2026-12-22', 10)), '2027-01-07');
    assert.throws(() => addWerkdagen('2026-06-15', 0), RangeError);
    assert.throws(() => addWerkdagen('2026-06-15', 1.5), RangeError);
  });

  it('finds the werkdag before a day and counts werkdagen between two days', () => {
    assert.equal(formatDay(werkdagBefore('2026-04-07')), '2026-04-02');
    assert.equal(formatDay(werkdagBefore('2026-06-16')), '2026-06-15');
    assert.equal(werkdagenBetween('2026-12-22', '2027-01-07'), 10);
    assert.equal(werkdagenBetween('2026-04-02', '2026-04-06'), 0);
    assert.equal(werkdagenBetween('2026-04-07', '2026-04-02'), 0);
    // 2026 has 261 weekdays, 8 of them feestdagen.
    assert.equal(werkdagenBetween('2025-12-31', '2026-12-31'), 253);
  });
});
