import { z } from 'zod';
import { formatDay, toDay, type CalendarDay, type DayLike } from './calendar-day';

/*
 * Termijnen are counted in Dutch calendar days while the store keeps UTC instants. Intl knows the
 * Europe/Amsterdam rules (CET/CEST, switching on the last Sundays of March and October), so no
 * time zone library is needed for the two conversions a deadline takes.
 */
const ZONE = 'Europe/Amsterdam';

const dayParts = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
const offsetPart = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' });

/** An instant with an explicit zone: a bare '2026-03-27T10:00' would be read in the host's zone. */
const instantSchema = z.iso.datetime({ offset: true });

export function toInstant(instant: string | Date): Date {
  if (instant instanceof Date) {
    if (Number.isNaN(instant.getTime())) throw new RangeError('ongeldig tijdstip');
    return instant;
  }
  if (!instantSchema.safeParse(instant).success) {
    throw new RangeError(`geen tijdstip met tijdzone (ISO 8601): ${instant}`);
  }
  return new Date(instant);
}

/** The calendar day in Amsterdam at that instant. */
export function amsterdamDayOf(instant: string | Date): CalendarDay {
  const parts = dayParts.formatToParts(toInstant(instant));
  const part = (type: 'year' | 'month' | 'day'): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return toDay({ year: part('year'), month: part('month'), day: part('day') });
}

/** Minutes Amsterdam is ahead of UTC at that instant: 60 in winter, 120 in summer. */
export function amsterdamOffsetMinutes(instant: string | Date): number {
  const name = offsetPart.formatToParts(toInstant(instant)).find((p) => p.type === 'timeZoneName');
  // 'GMT+02:00'; a zero offset would read 'GMT', which Amsterdam does not have but costs nothing.
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name?.value ?? '');
  if (!match) throw new RangeError(`onbekende tijdzone-aanduiding: ${name?.value}`);
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** 00:00 in Amsterdam on that day, as a UTC ISO instant with milliseconds. */
export function startOfAmsterdamDay(day: DayLike): string {
  const { year, month, day: date } = toDay(day);
  const wallClock = Date.UTC(year, month - 1, date);
  // Amsterdam changes its clocks at 01:00 UTC, never at local midnight, so midnight exists once
  // and one correction with the offset found near it is exact; the second look makes it so even
  // if the first guess lands on the other side of a change.
  let instant = wallClock - amsterdamOffsetMinutes(new Date(wallClock)) * 60_000;
  instant = wallClock - amsterdamOffsetMinutes(new Date(instant)) * 60_000;
  const result = new Date(instant);
  if (formatDay(amsterdamDayOf(result)) !== formatDay({ year, month, day: date })) {
    throw new RangeError(
      `geen middernacht in Amsterdam op ${formatDay({ year, month, day: date })}`,
    );
  }
  return result.toISOString();
}
