import type { CloudAdapter } from 'botbuilder';
import type { ConversationDirectory } from '../../src/app/notifications/conversation-directory';
import type { CasusRepository, Versioned } from '../../src/domain/casus/casus.repository';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { claimedIfNews } from '../../src/domain/casus/delivery-lease';
import type { RegistryRepository } from '../../src/domain/registry/registry.repository';
import type { Logger } from '../../src/logging/logger';
import type { ChannelLinks } from '../../src/app/channel/channel-links';
import type { SendRateLimiter } from '../../src/app/notifications/send-rate-limiter';
import type { ChannelLink } from '../../src/domain/channel/channel-link';
import { CardPoster } from './card-poster';
import type { ChannelLifecycle } from './channel-lifecycle';
import { ChannelPoster } from './channel-poster';
import { sweepDeadlines } from '../../src/app/deadlines/deadline-sweep';
import { sweepRetention } from '../../src/app/retention/retention-sweep';
import type { AccessLogStore } from '../../src/app/access/access-log';
import { deliverCasus } from './casus-delivery';
import type { SigningLinks } from '../../src/app/invitation/signing-link';

/** Within the claim on the outbox (DELIVERY_LEASE_MS), so no other instance starts meanwhile. */
const DELIVERY_DEADLINE_MS = 45_000;
/**
 * How long a delivery may spend on channel posts, waits for a slot and Retry-After included:
 * well within the deadline, with time left to write what got through.
 */
const CHANNEL_BUDGET_MS = 30_000;

export interface NotifierDependencies {
  adapter: CloudAdapter;
  /** This bot instance: its claims on outboxes keep other instances from sending the same card. */
  instanceId: string;
  /** The bot's app id ('' when anonymous, as with the local client). */
  appId: string;
  conversations: ConversationDirectory;
  casussen: CasusRepository;
  registry: RegistryRepository;
  /** Links to the signing page, for a proposer to send on (`sentSigningLink`). */
  signingLinks: SigningLinks;
  /** Deliveries that may fail for now before a notification is given up (`progressOf`). */
  maxAttempts: number;
  channelLinks: ChannelLinks;
  /** Tells a linker when their channel refuses the bot for good. */
  lifecycle: ChannelLifecycle;
  /** This instance's pace for channel posts (per thread and per tenant). */
  limiter: SendRateLimiter;
  /** The retention sweep records each anonymisation there. */
  accessLog: AccessLogStore;
  now(): Date;
  newId(): string;
  logger: Logger;
}

/**
 * Delivers a casus's outbox: each recipient who may see the casus gets the casus card in their own
 * view, in their personal chat. Each recipient gets each notification once: the outbox entry keeps
 * who is done with it, and a retry by the next sweep goes only to the others. A chat that refuses
 * for good (blocked, gone) ends that recipient's delivery; a failure for now is retried a bounded
 * number of times (`maxAttempts`). A card sent whose record is lost with the write after it may
 * still be sent again: at least once, by design.
 */
export class CasusNotifier {
  private sweeping: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly poster: CardPoster;

  constructor(private readonly deps: NotifierDependencies) {
    this.poster = new CardPoster(deps);
  }

  /**
   * The casus as a turn is to write it: claimed for this instance when it has news, so that the
   * delivery after the turn starts from the written document (see `deliverSoon`).
   */
  claimFor(casus: Casus): Casus {
    return claimedIfNews(casus, this.deps.instanceId, this.deps.now());
  }

  /**
   * After a write with new outbox entries; never throws (the user's turn is already answered).
   * `written` is the casus as that write stored it, with its ETag.
   */
  deliverSoon(casusId: string, written?: Versioned<Casus>): void {
    const delivery = this.deliver(casusId, written).catch((error: unknown) =>
      this.deps.logger.error({ err: error, casusId }, 'outbox delivery failed'),
    );
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }

  /** Waits for deliveries under way (shutdown); what is left pending goes with the next start's sweep. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight, this.sweeping]);
  }

  /**
   * Every casus with a deadline notice due and every casus whose bewaartermijn ran out, then every
   * casus with pending notifications: at start and periodically, for what a crash left behind.
   */
  async sweep(): Promise<void> {
    this.sweeping ??= (async () => {
      try {
        // Deadline notices first: they land in the outboxes this same sweep delivers.
        await sweepDeadlines(this.deps).catch((error: unknown) =>
          this.deps.logger.error({ err: error }, 'deadline sweep failed'),
        );
        // A stub's one outbox entry brings the copies of its cards in chats in line with it.
        await sweepRetention(this.deps).catch((error: unknown) =>
          this.deps.logger.error({ err: error }, 'retention sweep failed'),
        );
        for (const { value } of await this.deps.casussen.listWithPendingOutbox(50)) {
          // One casus that fails must not keep the others waiting for the next sweep.
          await this.deliver(value.id).catch((error: unknown) =>
            this.deps.logger.error({ err: error, casusId: value.id }, 'outbox delivery failed'),
          );
        }
      } catch (error) {
        this.deps.logger.error({ err: error }, 'outbox sweep failed');
      } finally {
        this.sweeping = undefined;
      }
    })();
    return this.sweeping;
  }

  /**
   * Every call inside a delivery has its own time-out; this bound is the last line, so that one
   * delivery can never hold the casus's queue or the sweep (it goes on, and is logged).
   */
  private async bounded(delivery: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(resolve, DELIVERY_DEADLINE_MS, 'late');
    });
    try {
      if ((await Promise.race([delivery, late])) === 'late')
        this.deps.logger.error({ deadlineMs: DELIVERY_DEADLINE_MS }, 'delivery still running');
    } finally {
      clearTimeout(timer);
    }
  }

  /** What one delivery works with: its channel posts bounded by its own start. */
  private deliveryDeps() {
    const until = Date.now() + CHANNEL_BUDGET_MS;
    const { adapter, appId, limiter, logger, channelLinks, lifecycle } = this.deps;
    return {
      ...this.deps,
      poster: this.poster,
      channels: {
        channelLinks,
        threads: new ChannelPoster({ adapter, appId, limiter, logger, deadlineAt: () => until }),
        linkLost: (link: ChannelLink) => lifecycle.tellLinker(link, 'writes-refused'),
      },
    };
  }

  /**
   * Delivers a casus's outbox. Deliveries of one casus run one after another, never side by side.
   * A document handed in is used only when none is under way: one that is would change it first.
   */
  deliver(casusId: string, written?: Versioned<Casus>): Promise<void> {
    const queued = this.queues.get(casusId);
    const handed = queued ? undefined : written;
    const previous = queued ?? Promise.resolve();
    const run = () => this.bounded(deliverCasus(this.deliveryDeps(), casusId, handed));
    const next = previous.then(run, run);
    this.queues.set(casusId, next);
    const forget = () => {
      if (this.queues.get(casusId) === next) this.queues.delete(casusId);
    };
    next.then(forget, forget);
    return next;
  }
}
