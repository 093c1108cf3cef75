import { z } from 'zod';
import type { DeadlineNotice } from './deadline-notices';
import { toInstant } from './amsterdam-time';
import { deadlineStateSchema } from './termijnen';

// Apart from the termijnen: the registry schema reads those and needs none of this.

export const notifiedSchema = z.enum(['geen', 'herinnerd', 'verlopen']);
export type Notified = z.infer<typeof notifiedSchema>;

/** What a casus keeps of its running termijn, and how far its notices have gone. */
export const casusDeadlineSchema = z.object({
  state: deadlineStateSchema,
  dueAt: z.iso.datetime(),
  remindAt: z.iso.datetime(),
  notified: notifiedSchema.default('geen'),
  /**
   * When the sweep is next to act on it (`nextAlert`), absent once every notice went out: the one
   * indexed field the sweep queries, so it finds due casussen without reading the others.
   */
  alertAt: z.iso.datetime().optional(),
});
export type CasusDeadline = z.infer<typeof casusDeadlineSchema>;

/** The deadline with its `alertAt` set from its notices: how it is stored. */
export function withAlert(deadline: CasusDeadline): CasusDeadline {
  const { state, dueAt, remindAt, notified } = deadline;
  const stored = { state, dueAt, remindAt, notified };
  const next = nextAlert(stored);
  return next ? { ...stored, alertAt: next.at } : stored;
}

export interface DeadlineAlert {
  notice: DeadlineNotice;
  at: string;
}

/** When the next notice of this termijn is to go out, if any is still to come. */
export function nextAlert(deadline: CasusDeadline): DeadlineAlert | undefined {
  const remindFirst = Date.parse(deadline.remindAt) < Date.parse(deadline.dueAt);
  if (deadline.notified === 'geen' && remindFirst) {
    return { notice: 'termijn-herinnering', at: deadline.remindAt };
  }
  if (deadline.notified !== 'verlopen') return { notice: 'termijn-verlopen', at: deadline.dueAt };
  return undefined;
}

/**
 * The notice due at `now`, with the deadline as it is once that notice is written. Past the due
 * time only the expiry is due: a reminder of a termijn that has already run out would mislead.
 */
export function dueNotice(
  deadline: CasusDeadline,
  now: string | Date,
): { notice: DeadlineNotice; deadline: CasusDeadline } | undefined {
  const at = toInstant(now).getTime();
  if (deadline.notified === 'verlopen') return undefined;
  if (at >= Date.parse(deadline.dueAt)) {
    return { notice: 'termijn-verlopen', deadline: { ...deadline, notified: 'verlopen' } };
  }
  if (deadline.notified === 'geen' && at >= Date.parse(deadline.remindAt)) {
    return { notice: 'termijn-herinnering', deadline: { ...deadline, notified: 'herinnerd' } };
  }
  return undefined;
}
