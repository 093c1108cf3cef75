import { z } from 'zod';
import replyTemplate from '../../cards/channel-reply.json';
import threadTemplate from '../../cards/channel-thread.json';
import { defineCard } from './card-template';
import { casusNumberSchema } from './restricted-text';

// Channel cards are read by everyone in the channel: their view-models take the presenter's
// sentences built from `ChannelView` / `ChannelEvent` (src/domain/channel/channel-view.ts), the
// whitelist of what a channel may show. Every dynamic text sits in a TextRun: shown literally.

const colorSchema = z.enum(['Default', 'Attention', 'Good']).default('Default');
const line = z.string().min(1).max(300);

/** The root of a casus's thread: its current state, updated in place after every change. */
export const channelThreadCard = defineCard(
  'channel-thread',
  threadTemplate,
  z.strictObject({
    casusId: z.guid(),
    casusNumber: casusNumberSchema,
    status: line,
    /** In the ZVH's thread: where the casus comes from. */
    origin: z
      .array(z.strictObject({ text: line }))
      .max(1)
      .default([]),
    facts: z
      .array(z.strictObject({ label: z.string().min(1).max(30), value: line, color: colorSchema }))
      .max(8),
  }),
);

/** One step in a casus's thread. `entryRef` carries the outbox entry's stable id. */
export const channelReplyCard = defineCard(
  'channel-reply',
  replyTemplate,
  z.strictObject({
    casusNumber: casusNumberSchema,
    entryRef: z.string().regex(/^kanaal-[0-9a-f-]{36}$/),
    what: line,
    color: colorSchema,
    details: z
      .array(z.strictObject({ text: line }))
      .max(2)
      .default([]),
  }),
);
