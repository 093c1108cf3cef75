import { z } from 'zod';
import { casusActionSchema } from '../casus/casus-machine';
import { auditEntrySchema, casusStateSchema, type Casus } from '../casus/casus.schema';
import { urgenties } from '../intake/vocabulary';
import { deadlineNotices } from '../deadlines/deadline-notices';

/**
 * Everything a channel may ever show of a casus. Everyone in a channel reads it, so this is a
 * whitelist: the number, the status, the urgency, the role and organisation that decided and
 * when, and the current step's deadline. Never a name, a date of birth, an address, a motivation
 * or evidence; channel cards are built from this and nothing else.
 */
export const channelViewSchema = z.strictObject({
  casusId: z.guid(),
  casusNumber: z.string().min(1).max(40),
  state: casusStateSchema,
  urgentie: urgenties.schema,
  lastDecision: z
    .strictObject({
      action: casusActionSchema,
      role: z.string().min(1).max(60),
      organisationName: z.string().min(1).max(120),
      at: z.iso.datetime(),
    })
    .optional(),
  deadline: z
    .strictObject({ state: casusStateSchema, dueAt: z.iso.datetime(), overdue: z.boolean() })
    .optional(),
});
export type ChannelView = z.infer<typeof channelViewSchema>;

/** What one reply in a thread reports: a step (from its audit line) or a deadline notice. */
export const channelEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('step'),
    action: auditEntrySchema.shape.action,
    role: z.string().min(1).max(60),
    organisationName: z.string().min(1).max(120),
    at: z.iso.datetime(),
  }),
  z.strictObject({
    kind: z.literal('notice'),
    notice: z.enum(deadlineNotices),
    state: casusStateSchema,
    dueAt: z.iso.datetime(),
  }),
]);
export type ChannelEvent = z.infer<typeof channelEventSchema>;

/** The step a line records, in the channel's words: who decided by role and organisation only. */
function stepOf(line: Casus['audit'][number]) {
  return {
    action: line.action,
    role: line.actor.role,
    organisationName: line.actor.organisationName,
    at: line.at,
  };
}

/** The channel's view of a submitted casus now. */
export function channelViewOf(
  casus: Casus & { casusNumber: string },
  deadline: { state: Casus['state']; dueAt: string } | undefined,
  now: Date,
): ChannelView {
  const decision = casus.audit.findLast((line) => casusActionSchema.safeParse(line.action).success);
  const step = decision && stepOf(decision);
  return channelViewSchema.parse({
    casusId: casus.id,
    casusNumber: casus.casusNumber,
    state: casus.state,
    urgentie: casus.submission?.intake.aanmelding.urgentie ?? 'normaal',
    ...(step && { lastDecision: step }),
    ...(deadline &&
      deadline.state === casus.state && {
        deadline: {
          state: deadline.state,
          dueAt: deadline.dueAt,
          overdue: now.getTime() >= Date.parse(deadline.dueAt),
        },
      }),
  });
}

/** What a channel outbox entry reports, or undefined when its audit line is gone (never expected). */
export function channelEventOf(
  casus: Casus,
  entry: Casus['outbox'][number],
): ChannelEvent | undefined {
  if (entry.notice) {
    const notice = deadlineNotices.find((kind) => entry.kind.endsWith(kind));
    return notice && channelEventSchema.parse({ kind: 'notice', notice, ...entry.notice });
  }
  const line = entry.auditIndex === undefined ? undefined : casus.audit[entry.auditIndex];
  return line && channelEventSchema.parse({ kind: 'step', ...stepOf(line) });
}
