import type { AdaptiveCardJson } from '../cards/card-template';

/** What became of one channel post: posted, refused for good (`permanent`), or to try later. */
export type ChannelPostResult =
  | { ok: true; activityId: string }
  | { ok: false; permanent: true; status: number }
  | { ok: false; permanent: false };

/** Posts in a channel's threads, within Teams' rate limits. Never throws. */
export interface ThreadPoster {
  /** Starts a new thread in the channel with this root card. */
  start(channel: unknown, card: AdaptiveCardJson): Promise<ChannelPostResult>;
  /** Replies in the thread under `rootActivityId`. */
  reply(
    channel: unknown,
    rootActivityId: string,
    card: AdaptiveCardJson,
  ): Promise<ChannelPostResult>;
  /** Replaces the root card in place. */
  update(
    channel: unknown,
    rootActivityId: string,
    card: AdaptiveCardJson,
  ): Promise<ChannelPostResult>;
}
