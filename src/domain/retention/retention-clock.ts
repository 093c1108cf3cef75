import type { Bewaartermijnen } from './bewaartermijnen';
import type { RetentionClock } from './retention.schema';

/** The instant `months` calendar months after `iso`, on the last day of a shorter month (31 Jan + 1 = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const from = new Date(iso);
  const target = new Date(from);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return target.toISOString();
}

/** The term that starts when a casus ends in this state, if it ends there. */
export function termFor(
  state: 'afgesloten' | 'afgewezen' | (string & {}),
  termijnen: Bewaartermijnen,
): number | undefined {
  if (state === 'afgesloten') return termijnen.naAfsluiting;
  if (state === 'afgewezen') return termijnen.naAfwijzing;
  return undefined;
}

export function startClock(at: string, months: number): RetentionClock {
  return { startedAt: at, expiresAt: addMonths(at, months) };
}

/** Whether the data is due to go at `now`: the end has passed and no hold stops the clock. */
export function hasExpired(clock: RetentionClock | undefined, now: string): boolean {
  return clock !== undefined && clock.hold === undefined && clock.expiresAt <= now;
}

/** An extension adds months to the end as it stands (a term already passed is extended from now). */
export function extendClock(clock: RetentionClock, months: number, now: string): RetentionClock {
  const base = clock.expiresAt > now ? clock.expiresAt : now;
  return { ...clock, expiresAt: addMonths(base, months) };
}

export function holdClock(
  clock: RetentionClock,
  since: string,
  byPersonId: string,
): RetentionClock {
  return { ...clock, hold: { since, byPersonId } };
}

/** Lifting a hold: the clock runs again, its end moved by the time it stood still. */
export function releaseClock(clock: RetentionClock, at: string): RetentionClock {
  if (!clock.hold) return clock;
  const held = Date.parse(at) - Date.parse(clock.hold.since);
  return {
    startedAt: clock.startedAt,
    expiresAt: new Date(Date.parse(clock.expiresAt) + Math.max(held, 0)).toISOString(),
  };
}
