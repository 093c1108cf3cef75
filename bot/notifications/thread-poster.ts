import type { AdaptiveCardJson } from '../cards/card-template';
import type { PostResult } from './card-poster';

/** What became of one channel post: as of a card in a personal chat. */
export type ChannelPostResult = PostResult;

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
