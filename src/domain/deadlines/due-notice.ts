import type { Casus, OutboxEntry } from '../casus/casus.schema';
import { channelNoticeEntry, stableEntryId } from '../channel/channel-entries';
import { dueNotice, withAlert } from './casus-deadline';

/** Personal deadline notices in the outbox: this prefix and the notice. */
export const DEADLINE_OUTBOX_PREFIX = 'termijn:';

/**
 * The casus once the deadline notice due at `now` is written: the personal notice and the
 * channel's, each with an id fixed by casus, notice and due time (two instances that both get
 * here write the very same entries, and the ETag lets one of them through), and the deadline
 * advanced to its next alert. Bookkeeping, not a decision: the revision stays, so cards shown stay
 * valid. A deadline the casus has left behind (never written so, but read from an older store) is
 * dropped. Undefined when nothing is due.
 */
export function withDueNotice(casus: Casus, now: Date): Casus | undefined {
  const { deadline } = casus;
  if (!deadline) return undefined;
  if (deadline.state !== casus.state) {
    const healed = { ...casus };
    delete healed.deadline;
    return healed;
  }
  const due = dueNotice(deadline, now);
  if (!due) {
    const stored = withAlert(deadline);
    return stored.alertAt === deadline.alertAt ? undefined : { ...casus, deadline: stored };
  }
  const at = now.toISOString();
  const step = { state: deadline.state, dueAt: deadline.dueAt };
  const personal: OutboxEntry = {
    id: stableEntryId(`termijn|${casus.id}|${due.notice}|${step.state}|${step.dueAt}`),
    createdAt: at,
    kind: `${DEADLINE_OUTBOX_PREFIX}${due.notice}`,
    notice: step,
  };
  const known = new Set(casus.outbox.map((entry) => entry.id));
  return {
    ...casus,
    deadline: withAlert(due.deadline),
    outbox: [
      ...casus.outbox,
      ...[personal, channelNoticeEntry(casus, due.notice, step, at)].filter(
        (entry) => !known.has(entry.id),
      ),
    ],
  };
}
