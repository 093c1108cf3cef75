import type { Activity } from 'botbuilder';
import { z } from 'zod';

// The parts of an activity that botbuilder and the bot read, with the types and bounds they
// assume. Anything else passes through untouched (attachments, locale, …). An activity that does
// not fit is answered 400 before botbuilder sees it: botbuilder checks some of this outside its
// own error handling, and a wrong type elsewhere could hold or crash a turn.

const id = z.string().min(1).max(256);
const shortText = z.string().max(256);

// Accounts and the conversation are copied into every reply, and botbuilder's serializer turns a
// wrong type there into an error that quotes the value: each field it knows is typed here.
const account = z.looseObject({
  id,
  name: shortText.optional(),
  aadObjectId: z.string().max(64).optional(),
  role: z.string().max(32).optional(),
});

/** A mention is what `removeRecipientMention` reads: its `mentioned.id` and its `text`. */
const entity = z
  .looseObject({
    type: z.string().min(1).max(64),
    mentioned: z.looseObject({ id: z.string().max(256) }).optional(),
    text: z.string().max(4096).optional(),
  })
  .refine((e) => e.type.toLowerCase() !== 'mention' || (e.mentioned && e.text !== undefined), {
    message: 'a mention names who and how',
  });

/** Activities that can change something carry the id that makes a repeated delivery harmless. */
const needsId = new Set(['message', 'invoke']);

/**
 * Teams activities whose channel data botbuilder's Teams handler reads without a check (for
 * members removed, an event type): without it the turn fails with a TypeError. Teams always sends it.
 */
const readsChannelData = new Set(['conversationUpdate', 'messageUpdate', 'messageDelete']);

export const inboundActivitySchema = z
  .looseObject({
    type: z.string().min(1).max(64),
    id: id.optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
    from: account,
    recipient: account,
    conversation: z.looseObject({
      id,
      name: shortText.optional(),
      conversationType: z.string().max(32).optional(),
      isGroup: z.boolean().optional(),
      tenantId: z.string().max(64).optional(),
      aadObjectId: z.string().max(64).optional(),
      role: z.string().max(32).optional(),
    }),
    locale: z.string().max(32).optional(),
    channelData: z
      .looseObject({
        tenant: z.looseObject({ id: z.string().max(64) }).optional(),
        team: z.looseObject({ id: z.string().max(256) }).optional(),
        channel: z.looseObject({ id: z.string().max(256) }).optional(),
        eventType: z.string().max(64).optional(),
      })
      .optional(),
    name: z.string().max(256).optional(),
    text: z
      .string()
      .max(64 * 1024)
      .optional(),
    replyToId: id.optional(),
    entities: z.array(entity).max(100).optional(),
    membersAdded: z.array(account).max(1000).optional(),
    membersRemoved: z.array(account).max(1000).optional(),
  })
  .refine((activity) => !needsId.has(activity.type) || activity.id !== undefined, {
    path: ['id'],
    message: 'a message or invoke has an id',
  })
  .refine(
    (activity) =>
      activity.channelId !== 'msteams' ||
      !readsChannelData.has(activity.type) ||
      activity.channelData !== undefined,
    { path: ['channelData'], message: 'botbuilder reads the channel data of this activity' },
  );

export type InboundActivity = z.infer<typeof inboundActivitySchema>;

/** The activity as botbuilder takes it, or why not (paths only: an activity may hold personal data). */
export function parseInboundActivity(
  body: unknown,
): { ok: true; activity: Activity } | { ok: false; problems: string[] } {
  const parsed = inboundActivitySchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 5).map((issue) => issue.path.join('.') || '(root)'),
    };
  }
  // The fields botbuilder reads are checked above; the rest is its own business.
  return { ok: true, activity: parsed.data as unknown as Activity };
}

/** The tenants an activity says it comes from: Teams sets both, and each must be the allowed one. */
export function tenantsOf(activity: InboundActivity | Activity): string[] {
  const channelData = activity.channelData as InboundActivity['channelData'];
  return [channelData?.tenant?.id, activity.conversation?.tenantId].filter(
    (tenant): tenant is string => tenant !== undefined,
  );
}
