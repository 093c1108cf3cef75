/**
 * A date on the wall calendar, without a time or a zone (month 1..12). Deadlines count such days,
 * so their arithmetic never passes through an instant and no DST change can shift them.
 */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A calendar day, or the same as an ISO date 'YYYY-MM-DD'. */
export type DayLike = CalendarDay | string;

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01: one integer per day, so that adding and comparing are plain arithmetic. */
export function epochDay(day: DayLike): number {
  const { year, month, day: date } = toDay(day);
  return Math.round(Date.UTC(year, month - 1, date) / MS_PER_DAY);
}

export function fromEpochDay(days: number): CalendarDay {
  if (!Number.isSafeInteger(days)) throw new RangeError(`geen hele dag: ${days}`);
  const date = new Date(days * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(day: DayLike, days: number): CalendarDay {
  return fromEpochDay(epochDay(day) + days);
}

/** 0 is Sunday, 6 is Saturday, as `Date.getUTCDay`. */
export function weekday(day: DayLike): number {
  // 1970-01-01 was a Thursday.
  return (((epochDay(day) + 4) % 7) + 7) % 7;
}

export function sameDay(a: DayLike, b: DayLike): boolean {
  return epochDay(a) === epochDay(b);
}

export function formatDay(day: DayLike): string {
  const { year, month, day: date } = toDay(day);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(date)}`;
}

/** Parses 'YYYY-MM-DD' and refuses what is no date at all ('2026-02-30'). */
export function parseDay(iso: string): CalendarDay {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`geen datum (JJJJ-MM-DD): ${iso}`);
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  checkDay(day);
  return day;
}

export function toDay(day: DayLike): CalendarDay {
  if (typeof day === 'string') return parseDay(day);
  checkDay(day);
  return day;
}

function checkDay({ year, month, day }: CalendarDay): void {
  // Date.UTC maps years 0..99 to 1900..1999, so those could never round-trip; no deadline needs them.
  const plausible = [year, month, day].every(Number.isInteger) && year >= 1000 && year <= 9999;
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    plausible &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  if (!real) throw new RangeError(`geen bestaande datum: ${year}-${month}-${day}`);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
