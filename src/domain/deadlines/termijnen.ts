import { z } from 'zod';
import type { CasusState } from '../casus/casus.schema';
import { amsterdamDayOf, startOfAmsterdamDay } from './amsterdam-time';
import { addDays } from './calendar-day';
import { addWerkdagen } from './werkdagen';

// A type-only import: the casus schema is to store a casusDeadline, and a value import back from
// there would be a cycle. The registry reads this file, so it stays clear of the channel entries.

/** The states in which the casus waits for someone within a termijn. */
export const deadlineStates = [
  'aangemeld', // the Lokale Kamer decides on the aanmelding
  'aanvulling_gevraagd', // the worker supplies what was asked
  'opschaling_aangevraagd', // the ZVH decides on the escalation
] as const satisfies readonly CasusState[];
export type DeadlineState = (typeof deadlineStates)[number];
export const deadlineStateSchema = z.enum(deadlineStates);

/** A termijn in werkdagen: at least one, at most about three months. */
export const werkdagenSchema = z.number().int().min(1).max(60);

export const defaultTermijnen: Readonly<Record<DeadlineState, number>> = Object.freeze({
  aangemeld: 5,
  aanvulling_gevraagd: 10,
  opschaling_aangevraagd: 5,
});

/**
 * A kamer's termijnen per state, in werkdagen. Each may be left out and takes its default, and an
 * unknown key is refused: a misspelt state would otherwise silently leave the default in force.
 */
export const termijnenSchema = z
  .strictObject({
    aangemeld: werkdagenSchema.default(defaultTermijnen.aangemeld),
    aanvulling_gevraagd: werkdagenSchema.default(defaultTermijnen.aanvulling_gevraagd),
    opschaling_aangevraagd: werkdagenSchema.default(defaultTermijnen.opschaling_aangevraagd),
  })
  .default(() => ({ ...defaultTermijnen }));
export type Termijnen = z.infer<typeof termijnenSchema>;

/** When a step's termijn ends, and when to remind of it. */
export interface DeadlineTimes {
  state: DeadlineState;
  /** 00:00 Amsterdam after the last werkdag, UTC ISO with milliseconds. */
  dueAt: string;
  /** 00:00 Amsterdam on the last werkdag. */
  remindAt: string;
}

/**
 * The termijn of a step entered at `enteredAt`: it ends with the nth werkdag after the Amsterdam
 * day of entering (that day never counts, as under the Atw a termijn starts the day after), so
 * `dueAt` is 00:00 Amsterdam on the day after that werkdag. The reminder comes at the start of
 * that last werkdag: one whole werkdag before the end, and never on a weekend or feestdag.
 */
export function deadlineFor(
  step: DeadlineState,
  enteredAt: string,
  werkdagen: number,
): DeadlineTimes {
  const n = werkdagenSchema.safeParse(werkdagen);
  if (!n.success) throw new RangeError(`een termijn is 1 tot 60 werkdagen, niet ${werkdagen}`);
  const lastWerkdag = addWerkdagen(amsterdamDayOf(enteredAt), n.data);
  return {
    state: step,
    dueAt: startOfAmsterdamDay(addDays(lastWerkdag, 1)),
    remindAt: startOfAmsterdamDay(lastWerkdag),
  };
}
