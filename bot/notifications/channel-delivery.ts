import { createHash } from 'node:crypto';
import type { ChannelLinks } from '../../src/app/channel/channel-links';
import type { EntryProgress } from '../../src/app/notifications/delivery-progress';
import type { Casus, OutboxEntry } from '../../src/domain/casus/casus.schema';
import { isChannelEntry } from '../../src/domain/channel/channel-entries';
import type { ChannelLink } from '../../src/domain/channel/channel-link';
import { channelThreadKamers } from '../../src/domain/channel/channel-threads';
import { channelEventOf, channelViewOf } from '../../src/domain/channel/channel-view';
import type { Logger } from '../../src/logging/logger';
import type { AdaptiveCardJson } from '../cards/card-template';
import {
  channelReplyCardFor,
  channelThreadCardFor,
  type ThreadKamers,
} from '../presenters/channel.presenter';
import type { ChannelPostResult, ThreadPoster } from './thread-poster';

export interface ChannelDeliveryDependencies {
  channelLinks: ChannelLinks;
  threads: ThreadPoster;
  /** Tells whoever linked a channel that it refuses the bot for good (removed, writes blocked). */
  linkLost(link: ChannelLink, status: number): Promise<void>;
  now(): Date;
  logger: Logger;
}

const digestOf = (card: AdaptiveCardJson) =>
  createHash('sha256').update(JSON.stringify(card)).digest('base64url');

/**
 * Posts a casus's pending channel entries in its threads, in order per thread: the first entry a
 * kamer's linked channel gets starts the thread with the root card, every later one is a reply;
 * afterwards each root card is brought up to date in place when what it shows has changed.
 * Resolves with each entry's progress (done once every thread it belongs in has it: a thread
 * whose channel is not linked needs nothing) and the threads as they are now. A post that fails
 * for now stops that thread's delivery, so its later entries never overtake it; they wait for the
 * next delivery, however long that takes (channel entries are never given up).
 */
export async function deliverChannelEntries(
  deps: ChannelDeliveryDependencies,
  casus: Casus & { casusNumber: string },
  kamers: ThreadKamers,
): Promise<{ progress: EntryProgress[]; threads: Casus['threads'] }> {
  const pending = casus.outbox.filter((entry) => isChannelEntry(entry) && !entry.sentAt);
  const known = new Map((casus.threads ?? []).map((thread) => [thread.kamerId, thread]));
  if (pending.length === 0) return { progress: [], threads: casus.threads };
  const targets = new Map(
    pending.map((entry) => [entry.id, channelThreadKamers(casus, entry, kamers.zvh?.id)]),
  );
  const kamerIds = [...new Set([...targets.values()].flat())];
  const view = channelViewOf(casus, casus.deadline, deps.now());
  const doneIn = new Map(pending.map((entry) => [entry.id, new Set(entry.doneIn)]));
  await Promise.all(
    kamerIds.map(async (kamerId) => {
      const kamer = kamerId === kamers.zvh?.id ? kamers.zvh : kamers.lokaleKamer;
      const entries = pending.filter(
        (entry) => targets.get(entry.id)?.includes(kamerId) && !doneIn.get(entry.id)?.has(kamerId),
      );
      const markDone = (entry: OutboxEntry) => doneIn.get(entry.id)?.add(kamerId);
      const link = await deps.channelLinks.get(kamerId);
      if (!link || link.broken) {
        entries.forEach(markDone); // no channel to post in: nothing owed there
        return;
      }
      const root = channelThreadCardFor(view, kamers, kamer);
      const rootDigest = digestOf(root);
      // Done once the link is marked broken; otherwise the next delivery decides by the link
      // as it is then (linked anew elsewhere: a new thread there).
      const lost = async (status: number) => {
        if (await loseLink(deps, link, status)) entries.forEach(markDone);
      };
      let thread = known.get(kamerId);
      // A kamer linked to another channel since: the casus starts a thread there.
      if (thread && thread.channelId !== link.channelId) thread = undefined;
      for (const entry of entries) {
        if (!thread) {
          const started = await deps.threads.start(link.reference, root);
          if (!started.ok) return started.permanent ? lost(started.status) : undefined;
          thread = {
            kamerId,
            channelId: link.channelId,
            rootActivityId: started.activityId,
            rootDigest,
          };
          known.set(kamerId, thread);
          markDone(entry); // the new root card shows this step
          continue;
        }
        const event = channelEventOf(casus, entry);
        const posted: ChannelPostResult = event
          ? await deps.threads.reply(
              link.reference,
              thread.rootActivityId,
              channelReplyCardFor(casus.casusNumber, entry.id, event, kamers),
            )
          : { ok: true, activityId: '' }; // nothing left to report: done
        if (!posted.ok) return posted.permanent ? lost(posted.status) : undefined;
        markDone(entry);
      }
      if (thread && thread.rootDigest !== rootDigest) {
        const updated = await deps.threads.update(link.reference, thread.rootActivityId, root);
        if (updated.ok) known.set(kamerId, { ...thread, rootDigest });
        else if (updated.permanent) await lost(updated.status);
      }
    }),
  );
  const progress = pending.map((entry): EntryProgress => {
    const done = [...(doneIn.get(entry.id) ?? [])];
    const complete = (targets.get(entry.id) ?? []).every((kamerId) => done.includes(kamerId));
    return {
      id: entry.id,
      fate: complete ? 'done' : 'pending',
      doneFor: [],
      doneIn: done,
      attempts: complete ? entry.attempts : (entry.attempts ?? 0) + 1,
      left: complete ? 0 : 1,
    };
  });
  return { progress, threads: [...known.values()] };
}

/**
 * Marks the link broken (no more posts there) and tells whoever linked it, unless the kamer's
 * link changed since this delivery read it. Resolves whether it marked it. Never throws.
 */
async function loseLink(
  deps: ChannelDeliveryDependencies,
  link: ChannelLink,
  status: number,
): Promise<boolean> {
  try {
    const broken = { at: deps.now().toISOString(), status };
    if (!(await deps.channelLinks.markBroken(link, broken))) {
      deps.logger.info(
        { kamerId: link.kamerId, status },
        'channel refuses the bot; its link changed since',
      );
      return false;
    }
    deps.logger.warn({ kamerId: link.kamerId, status }, 'channel refuses the bot: link broken');
    await deps.linkLost(link, status);
    return true;
  } catch (error) {
    deps.logger.warn({ err: error, kamerId: link.kamerId }, 'broken channel link not recorded');
    return false;
  }
}
