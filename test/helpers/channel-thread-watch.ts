import assert from 'node:assert/strict';
import type { Casus } from '../../src/domain/casus/casus.schema';
import type { BotHarness } from './bot-harness';
import { cardOf, cardText, type FakeConnector } from './fake-connector';

/** Polls `find` every 50 ms until it gives a value; fails naming `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  find: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) assert.fail(`Waited ${timeoutMs} ms in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A casus's thread in a channel, as the fake connector saw it started. */
export interface StartedThread {
  rootId: string;
  /** The thread's conversation, where replies and updates of the root go. */
  conversationId: string;
  root: Record<string, unknown>;
}

/** Every thread the bot started in the channel for casus `number`, in order. */
export const threadsFor = (
  connector: FakeConnector,
  channelId: string,
  number: string,
): StartedThread[] =>
  connector.threadsStarted
    .filter((started) => started.channelId === channelId)
    .filter((started) => cardText(cardOf(started.root)).includes(`Casus ${number}`))
    .map(({ rootId, root }) => ({
      rootId,
      conversationId: `${channelId};messageid=${rootId}`,
      root: cardOf(root),
    }));

/** The casus's thread in the channel, once the bot has started it. */
export const threadIn = (
  connector: FakeConnector,
  channelId: string,
  number: string,
  timeoutMs?: number,
): Promise<StartedThread> =>
  waitFor(
    `a thread for ${number} in ${channelId}`,
    () => threadsFor(connector, channelId, number)[0],
    timeoutMs,
  );

/** A reply in a thread: the stable id of the outbox entry it reports, and what it says. */
export interface ThreadReply {
  entryRef: string;
  text: string;
}

/** The replies the connector accepted in a thread, in the order they arrived. */
export const repliesIn = (connector: FakeConnector, conversationId: string): ThreadReply[] =>
  connector.sent
    .filter((sent) => sent.conversationId === conversationId)
    .map((sent) => {
      const card = cardOf(sent);
      const entryRef = /"id":"(kanaal-[0-9a-f-]{36})"/.exec(JSON.stringify(card))?.[1];
      assert.ok(entryRef, `a reply without its entry's id: ${cardText(card)}`);
      return { entryRef, text: cardText(card) };
    });

/** Waits until the thread has a reply that matches. */
export const replyMatching = (
  connector: FakeConnector,
  conversationId: string,
  pattern: RegExp,
  timeoutMs?: number,
): Promise<ThreadReply> =>
  waitFor(
    `a reply ${pattern} in ${conversationId}`,
    () => repliesIn(connector, conversationId).find((reply) => pattern.test(reply.text)),
    timeoutMs,
  );

/** What the thread's root card shows now: its last update in place, else as it was posted. */
export function rootNow(connector: FakeConnector, thread: StartedThread): string {
  const last = connector.updated
    .filter((update) => update.conversationId === thread.conversationId)
    .filter((update) => update.replyToId === thread.rootId)
    .at(-1);
  return cardText(last ? cardOf(last) : thread.root);
}

/** The casus as stored, found by its number. */
export async function storedCasus(bot: Pick<BotHarness, 'store'>, number: string): Promise<Casus> {
  const { resources } = await bot
    .store()
    .casussen.items.query<Casus>({
      query: 'SELECT * FROM c WHERE c.casusNumber = @number',
      parameters: [{ name: '@number', value: number }],
    })
    .fetchAll();
  assert.equal(resources.length, 1, `casus ${number} is stored once`);
  return resources[0]!;
}

/** Waits until no delivery holds the casus and none of its channel entries is pending. */
export const channelEntriesSettled = (
  bot: Pick<BotHarness, 'store'>,
  number: string,
  timeoutMs?: number,
): Promise<Casus> =>
  waitFor(
    `the channel entries of ${number} delivered`,
    async () => {
      const casus = await storedCasus(bot, number);
      const pending = casus.outbox.some((entry) => entry.kind.startsWith('kanaal:'));
      return pending || casus.deliveryLease ? undefined : casus;
    },
    timeoutMs,
  );
