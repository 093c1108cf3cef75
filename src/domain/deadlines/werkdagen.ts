import {
  addDays,
  epochDay,
  fromEpochDay,
  toDay,
  weekday,
  type CalendarDay,
  type DayLike,
} from './calendar-day';

/*
 * The days that are no werkdag for a termijn: Saturday, Sunday and the days the Algemene
 * termijnenwet (Atw) art. 3 lid 1 names as algemeen erkende feestdagen: Nieuwjaarsdag, Tweede
 * Paas- en Pinksterdag, both Kerstdagen, Hemelvaartsdag, the day the King's birthday is celebrated
 * (Koningsdag, 27 April, or 26 April when the 27th is a Sunday) and 5 mei, which the Atw names
 * every year, not only in the lustrum years that many cao's free. Goede Vrijdag is not in the law
 * itself: it is equated with those days by Besluit under art. 3 lid 3 Atw, so it stands or falls
 * with that Besluit. Eerste Paas- en Pinksterdag are Sundays anyway; they are listed so that the
 * reason given is the name the day is known by.
 *
 * Hand-written rather than `date-holidays` (3.37.0 on the registry): its NL list is the public
 * holidays, with Goede Vrijdag and 5 mei as mere "school" days beside observances such as
 * Dodenherdenking and Sinterklaasavond, so it would have to be filtered by type and name into the
 * Atw list anyway; what remains is one Easter computation and fixed offsets, smaller than the
 * filter and the dependency. The list is the Atw's since 2014, when Koningsdag replaced
 * Koninginnedag (30 April), so earlier years are refused rather than answered wrongly.
 */

export const nonWerkdagReasons = [
  'zaterdag',
  'zondag',
  'Nieuwjaarsdag',
  'Goede Vrijdag',
  'Eerste Paasdag',
  'Tweede Paasdag',
  'Koningsdag',
  'Bevrijdingsdag',
  'Hemelvaartsdag',
  'Eerste Pinksterdag',
  'Tweede Pinksterdag',
  'Eerste Kerstdag',
  'Tweede Kerstdag',
] as const;
export type NonWerkdagReason = (typeof nonWerkdagReasons)[number];

export const FIRST_SUPPORTED_YEAR = 2014;

/** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const g = Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const l = (32 + 2 * e + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return toDay({ year, month: Math.floor(n / 31), day: (n % 31) + 1 });
}

/** Why a day is no werkdag (a feestdag before the weekend), or undefined for a werkdag. */
export function nonWerkdagReason(day: DayLike): NonWerkdagReason | undefined {
  const date = toDay(day);
  const feestdag = feestdagenOf(date.year).get(epochDay(date));
  if (feestdag) return feestdag;
  const dow = weekday(date);
  if (dow === 6) return 'zaterdag';
  if (dow === 0) return 'zondag';
  return undefined;
}

export function isWerkdag(day: DayLike): boolean {
  return nonWerkdagReason(day) === undefined;
}

/** The nth werkdag after `day`; `day` itself never counts, as a termijn starts the next day. */
export function addWerkdagen(day: DayLike, n: number): CalendarDay {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`aantal werkdagen moet ≥ 1 zijn: ${n}`);
  let current = toDay(day);
  for (let counted = 0; counted < n;) {
    current = addDays(current, 1);
    if (isWerkdag(current)) counted += 1;
  }
  return current;
}

/** The last werkdag strictly before `day`. */
export function werkdagBefore(day: DayLike): CalendarDay {
  let current = addDays(day, -1);
  while (!isWerkdag(current)) current = addDays(current, -1);
  return current;
}

/** How many werkdagen lie after `from` up to and including `to` (0 when `to` is not later). */
export function werkdagenBetween(from: DayLike, to: DayLike): number {
  let count = 0;
  for (let d = epochDay(from) + 1; d <= epochDay(to); d += 1) {
    if (isWerkdag(fromEpochDay(d))) count += 1;
  }
  return count;
}

const feestdagenByYear = new Map<number, ReadonlyMap<number, NonWerkdagReason>>();

function feestdagenOf(year: number): ReadonlyMap<number, NonWerkdagReason> {
  const known = feestdagenByYear.get(year);
  if (known) return known;
  if (year < FIRST_SUPPORTED_YEAR) {
    throw new RangeError(`werkdagen zijn bekend vanaf ${FIRST_SUPPORTED_YEAR}, niet ${year}`);
  }
  const easter = easterSunday(year);
  const koningsdag = weekday({ year, month: 4, day: 27 }) === 0 ? 26 : 27;
  const days: [DayLike, NonWerkdagReason][] = [
    [{ year, month: 1, day: 1 }, 'Nieuwjaarsdag'],
    [addDays(easter, -2), 'Goede Vrijdag'],
    [easter, 'Eerste Paasdag'],
    [addDays(easter, 1), 'Tweede Paasdag'],
    [{ year, month: 4, day: koningsdag }, 'Koningsdag'],
    [{ year, month: 5, day: 5 }, 'Bevrijdingsdag'],
    [addDays(easter, 39), 'Hemelvaartsdag'],
    [addDays(easter, 49), 'Eerste Pinksterdag'],
    [addDays(easter, 50), 'Tweede Pinksterdag'],
    [{ year, month: 12, day: 25 }, 'Eerste Kerstdag'],
    [{ year, month: 12, day: 26 }, 'Tweede Kerstdag'],
  ];
  // Hemelvaartsdag can fall on 5 mei (as in 2016): the first name in the list is kept.
  const map = new Map<number, NonWerkdagReason>();
  for (const [day, reason] of days) {
    if (!map.has(epochDay(day))) map.set(epochDay(day), reason);
  }
  feestdagenByYear.set(year, map);
  return map;
}
