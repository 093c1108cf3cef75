import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import express from 'express';
import { recordIfShared } from './channel-payloads';
import { closeServer } from './close-server';
import { ConnectorFaults, type ConversationFilter } from './connector-faults';

export interface SentActivity {
  conversationId: string;
  replyToId: string | undefined;
  activity: {
    type: string;
    text?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
    [key: string]: unknown;
  };
  /** When the request arrived (performance.now()); set on sends and thread roots. */
  at?: number;
}

/**
 * A loopback stand-in for the Bot Framework connector: records what the bot sends, answers as the
 * real one does. Only the routes the bot uses are served; anything else is a test failure (404).
 */
export class FakeConnector {
  readonly sent: SentActivity[] = [];
  /** Activities the bot replaced in place (updateActivity); `replyToId` holds the replaced id. */
  readonly updated: SentActivity[] = [];
  /** Conversations whose sends are refused (403), as when a user has blocked the bot. */
  readonly refusing = new Set<string>();
  /** Conversations whose sends fail for now (503), as from a connector that is down a while. */
  readonly unavailable = new Set<string>();
  /** How many sends were refused (403) or failed (503), per conversation. */
  readonly failed = new Map<string, number>();
  /** Conversations whose sends and updates never get an answer, as from a connector that hangs. */
  readonly hanging = new Set<string>();
  /** How many calls were left hanging. */
  hung = 0;
  /**
   * Conversations whose sends are accepted (recorded as sent) but whose answer is held back for
   * good, each told of the send as it arrives: a post that got through while its sender never
   * learnt so (it died, or its connection did, before the answer came).
   */
  readonly holding = new Map<string, (sent: SentActivity) => void>();
  /** Threads the bot started in channels, in order. */
  readonly threadsStarted: { channelId: string; rootId: string; root: SentActivity }[] = [];
  /** Scripted 429s, 5xx and 403 MessageWritesBlocked, and when each request arrived. */
  readonly faults = new ConnectorFaults();
  private server: Server | undefined;
  private waiters: (() => void)[] = [];
  serviceUrl = '';

  async start(): Promise<this> {
    const app = express();
    // Arrival is taken before the body is read: as close to the wire as the server gets.
    app.use((_req, res, next) => {
      res.locals.arrivedAt = performance.now();
      next();
    });
    app.use(express.json({ limit: '1mb' }));
    // Every request arrives first, so that refused and hanging ones count in the measurements.
    const hang = (conversationId: string): boolean => {
      if (!this.hanging.has(conversationId)) return false;
      this.hung++;
      return true;
    };
    const fault = (conversationId: string, res: express.Response): boolean => {
      const arrivedAt = res.locals.arrivedAt as number;
      const answer = this.faults.arrive(conversationId, arrivedAt);
      if (hang(conversationId)) return true;
      if (!answer) return false;
      res.status(answer.status).set(answer.headers).json(answer.body);
      return true;
    };
    const record = (req: express.Request, res: express.Response): void => {
      const conversationId = String(req.params.conversationId);
      if (fault(conversationId, res)) return;
      if (this.refusing.has(conversationId)) {
        this.failed.set(conversationId, (this.failed.get(conversationId) ?? 0) + 1);
        res.status(403).json({ error: { code: 'BotBlocked', message: 'refused by the test' } });
        return;
      }
      if (this.unavailable.has(conversationId)) {
        this.failed.set(conversationId, (this.failed.get(conversationId) ?? 0) + 1);
        res
          .status(503)
          .json({ error: { code: 'ServiceUnavailable', message: 'down in the test' } });
        return;
      }
      const sent: SentActivity = {
        conversationId,
        replyToId: typeof req.params.activityId === 'string' ? req.params.activityId : undefined,
        activity: req.body as SentActivity['activity'],
        at: res.locals.arrivedAt as number,
      };
      this.sent.push(sent);
      recordIfShared(conversationId, req.body);
      this.waiters.splice(0).forEach((wake) => wake());
      const held = this.holding.get(conversationId);
      if (held) {
        held(sent);
        return;
      }
      res.status(200).json({ id: `sent-${this.sent.length}` });
    };
    // A new thread in a channel (createConversation): its conversation is `<channel>;messageid=<root>`.
    app.post('/v3/conversations', (req, res) => {
      const body = req.body as { channelData?: { channel?: { id?: string } }; activity?: unknown };
      const channelId = body.channelData?.channel?.id;
      if (!channelId) {
        res.status(400).json({ error: { code: 'BadArgument', message: 'no channel' } });
        return;
      }
      if (fault(channelId, res)) return;
      const rootId = String(1_700_000_000_000 + this.sent.length + this.threadsStarted.length);
      const root = {
        conversationId: channelId,
        replyToId: undefined,
        activity: body.activity as SentActivity['activity'],
      };
      this.threadsStarted.push({ channelId, rootId, root });
      this.sent.push(root);
      recordIfShared(channelId, body.activity);
      this.waiters.splice(0).forEach((wake) => wake());
      res.status(201).json({ id: `${channelId};messageid=${rootId}`, activityId: rootId });
    });
    app.post('/v3/conversations/:conversationId/activities', record);
    app.post('/v3/conversations/:conversationId/activities/:activityId', record);
    app.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
      if (fault(String(req.params.conversationId), res)) return;
      this.updated.push({
        conversationId: String(req.params.conversationId),
        replyToId: String(req.params.activityId),
        activity: req.body as SentActivity['activity'],
      });
      recordIfShared(String(req.params.conversationId), req.body);
      res.status(200).json({ id: req.params.activityId });
    });
    this.server = app.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.serviceUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** Waits until `count` activities have been sent in total. */
  async waitForCount(count: number, timeoutMs = 5000): Promise<SentActivity[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.sent.length < count) {
      if (Date.now() > deadline)
        throw new Error(`Expected ${count} sent activities, got ${this.sent.length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.sent;
  }

  /** Waits for the bot's reply to one incoming activity. */
  async waitForReply(activityId: string, timeoutMs = 5000): Promise<SentActivity> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const reply = this.sent.find((sent) => sent.replyToId === activityId);
      if (reply) return reply;
      if (Date.now() > deadline) throw new Error(`No reply to activity ${activityId}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  throttle(conversationId: string, options: { times: number; retryAfter?: number | Date }): void {
    this.faults.throttle(conversationId, options);
  }

  failWith(conversationId: string, status: number, times: number): void {
    this.faults.failWith(conversationId, status, times);
  }

  blockWrites(conversationId: string): void {
    this.faults.blockWrites(conversationId);
  }

  /** Every fault set for this conversation ends: scripted answers, blocked writes, hanging. */
  recover(conversationId: string): void {
    this.faults.recover(conversationId);
    this.hanging.delete(conversationId);
  }

  /** The most requests (sends and updates, refused ones too) that arrived within any `windowMs`. */
  maxInWindow(filter: ConversationFilter, windowMs: number): number {
    return this.faults.maxInWindow(filter, windowMs);
  }

  clear(): void {
    this.sent.length = 0;
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }
}

/** The Adaptive Card content of a sent activity, or a failure if there is none. */
export function cardOf(sent: SentActivity | undefined): Record<string, unknown> {
  const attachment = sent?.activity.attachments?.[0];
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(
      `Expected an Adaptive Card, got ${JSON.stringify(sent?.activity).slice(0, 300)}`,
    );
  }
  return attachment.content;
}

/** All text of a card, also what a toggle shows, for assertions on what a user can read. */
export const cardText = (card: unknown): string => textOf(card, false);

/** The text a card shows as it arrives: without what stays hidden until a toggle is pressed. */
export const shownText = (card: unknown): string => textOf(card, true);

function textOf(card: unknown, shownOnly: boolean): string {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      if (shownOnly && (node as { isVisible?: unknown }).isVisible === false) return;
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && ['text', 'title', 'value', 'label'].includes(key))
          texts.push(value);
        else visit(value);
      }
    }
  };
  visit(card);
  return texts.join('\n');
}
