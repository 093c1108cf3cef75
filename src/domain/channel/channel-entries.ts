// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- hashing is computation, not I/O: an entry's id is a pure function of what it reports
import { createHash } from 'node:crypto';
import { casusActionSchema } from '../casus/casus-machine';
import type { AuditEntry, Casus, CasusState, OutboxEntry } from '../casus/casus.schema';
import type { DeadlineNotice } from '../deadlines/deadline-notices';

/**
 * Outbox entries for the casus's threads in the kamers' channels: one per reported step, written
 * in the same ETag-guarded write as the step. Their kind is this prefix and the event.
 */
export const CHANNEL_OUTBOX_PREFIX = 'kanaal:';

/** Audit actions that are news in a channel: every casus step, an invitation approved or signed. */
const reportedInvitationSteps: readonly string[] = [
  'uitnodiging-goedgekeurd',
  'verklaring-ondertekend',
];

export const isChannelEntry = (entry: Pick<OutboxEntry, 'kind'>): boolean =>
  entry.kind.startsWith(CHANNEL_OUTBOX_PREFIX);

/**
 * A UUID (version 8, RFC 9562) derived from a text: the same step always gets the same entry id,
 * so that a post repeated after a crash between send and mark is recognisable as the same one,
 * and two instances that compute the same notice write the same entry.
 */
export function stableEntryId(seed: string): string {
  const hex = createHash('sha256').update(seed, 'utf8').digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The channel entry for the audit trail's last line, just appended, or none when that step is no
 * news in a channel (an invitation proposed or refused). Its id comes from the line's hash, which
 * the chain makes unique to this casus and this place in its trail.
 */
export function channelEntriesOf(audit: readonly AuditEntry[]): OutboxEntry[] {
  const auditIndex = audit.length - 1;
  const line = audit[auditIndex];
  if (!line) return [];
  const isCasusStep = casusActionSchema.safeParse(line.action).success;
  if (!isCasusStep && !reportedInvitationSteps.includes(line.action)) return [];
  return [
    {
      id: stableEntryId(`kanaal|${line.hash ?? `${auditIndex}|${line.at}|${line.action}`}`),
      createdAt: line.at,
      kind: `${CHANNEL_OUTBOX_PREFIX}${line.action}`,
      auditIndex,
    },
  ];
}

/**
 * The channel entry for a deadline notice: one per casus, step and due time, so a second sweep
 * (or a second instance) computes the very same entry.
 */
export function channelNoticeEntry(
  casus: Pick<Casus, 'id'>,
  notice: DeadlineNotice,
  step: { state: CasusState; dueAt: string },
  at: string,
): OutboxEntry {
  return {
    id: stableEntryId(`kanaal|${casus.id}|${notice}|${step.state}|${step.dueAt}`),
    createdAt: at,
    kind: `${CHANNEL_OUTBOX_PREFIX}${notice}`,
    notice: { state: step.state, dueAt: step.dueAt },
  };
}
