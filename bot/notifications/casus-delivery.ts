import type { CasusAudience } from '../../src/app/casus/casus-audience';
import type { ConversationDirectory } from '../../src/app/notifications/conversation-directory';
import { fateOfCopies } from '../../src/app/notifications/card-copies';
import { claimedForDelivery } from '../../src/app/notifications/delivery-claim';
import { progressOf, type RecipientOutcome } from '../../src/app/notifications/delivery-progress';
import { markSent, notificationsOf, type Notification } from '../../src/app/notifications/outbox';
import type { CasusRepository, Versioned } from '../../src/domain/casus/casus.repository';
import type { Casus } from '../../src/domain/casus/casus.schema';
import type { RegistryRepository } from '../../src/domain/registry/registry.repository';
import type { Logger } from '../../src/logging/logger';
import type { CasusView } from '../presenters/casus.presenter';
import type { ThreadKamers } from '../presenters/channel.presenter';
import { loadCasusViewWithAudience } from '../presenters/casus-view';
import type { CardPoster } from './card-poster';
import { deliverChannelEntries, type ChannelDeliveryDependencies } from './channel-delivery';
import { notificationCardFor, supersededCard, withdrawnCard } from './notification-cards';
import { DeliveryChats, viewerOf } from './recipients';
import { deliverShares } from './share-delivery';
import type { SigningLinks } from '../../src/app/invitation/signing-link';
import { deliverSigningRequests } from './signing-request-delivery';

export interface DeliveryDependencies {
  conversations: ConversationDirectory;
  casussen: CasusRepository;
  registry: RegistryRepository;
  poster: CardPoster;
  /** Links to the signing page, for a proposer to send on when the invitee is not in Teams. */
  signingLinks: SigningLinks;
  /** Deliveries that may fail for now before a notification is given up. */
  maxAttempts: number;
  /** This bot instance, for its claim on an outbox. */
  instanceId: string;
  /** The casus's threads in its kamers' channels: posted in the same delivery. */
  channels: Omit<ChannelDeliveryDependencies, 'now' | 'logger'>;
  now(): Date;
  logger: Logger;
}

/** One delivery of one casus: what it knows after loading, shared by new cards and old copies. */
interface Delivery {
  casus: Casus & { casusNumber: string };
  /** The same for every recipient but the notice: loaded once per delivery, not per card. */
  view: CasusView;
  /** Who may see the casus now; nobody else gets its content. */
  audience: CasusAudience;
  chats: DeliveryChats;
}

/**
 * One delivery of a casus's outbox: loads the casus, its view and its audience once, sends the
 * pending notifications to the members of the audience, brings the earlier copies in line, and
 * marks what was delivered. Registry calls: the kamer, then those of `loadCasusViewWithAudience`
 * (side by side); none per recipient. Handed the casus as a turn wrote it with this instance's
 * claim (`claimedIfNews`), it starts from that: no read and no claim, one write in all.
 */
export async function deliverCasus(
  deps: DeliveryDependencies,
  casusId: string,
  handed?: Versioned<Casus>,
): Promise<void> {
  const { casussen, registry } = deps;
  const claimed = await claimedForDelivery(deps, casusId, handed);
  if (!claimed) return;
  const casus = claimed.value;
  const kamer = casus.kamerId ? await registry.getKamer(casus.kamerId) : undefined;
  if (!casus.casusNumber || !kamer) return;
  const today = deps.now().toISOString().slice(0, 10);
  const { view, audience } = await loadCasusViewWithAudience(registry, casus, kamer, today);
  const delivery: Delivery = {
    casus: { ...casus, casusNumber: casus.casusNumber },
    view,
    audience,
    chats: new DeliveryChats(deps.conversations, deps.logger, casus.id),
  };
  const notifications = notificationsOf(casus, kamer, audience);
  // Side by side: a channel that throttles (Retry-After) or hangs must not hold up the personal
  // cards of the same step, which would otherwise wait up to the channels' whole budget.
  const [shared, requested, channels, { outcomes, cards, retired, refreshed }] = await Promise.all([
    deliverShares(deps, delivery.casus, delivery.chats),
    deliverSigningRequests(deps, delivery.casus, audience, delivery.chats),
    deliverChannels(deps, delivery.casus, { lokaleKamer: kamer, zvh: view.zvh }),
    sendNew(deps, delivery, notifications).then(async (sent) => {
      const renewed = new Set(sent.cards.map((card) => card.personId));
      return { ...sent, ...(await updateCopies(deps, delivery, renewed)) };
    }),
  ]);
  const progress = [
    ...channels.progress,
    ...shared,
    ...requested,
    ...progressOf(notifications, outcomes, deps.maxAttempts),
  ];
  for (const entry of progress.filter(({ fate }) => fate === 'given-up')) {
    deps.logger.error(
      { casusId, entryId: entry.id, attempts: entry.attempts, recipientsLeft: entry.left },
      'notification given up after repeated failures',
    );
  }
  // Also when nothing got through: the claim is released for the next sweep, by any instance.
  await markSent(
    casussen,
    casus.id,
    { progress, cards, retired, refreshed, instanceId: deps.instanceId, threads: channels.threads },
    claimed,
  );
}

/**
 * The casus's channel entries. Never throws: the personal cards go out beside it, and a failure
 * here (the store, say) must not leave those sent and unrecorded; its entries wait for the next.
 */
async function deliverChannels(
  deps: DeliveryDependencies,
  casus: Casus & { casusNumber: string },
  kamers: ThreadKamers,
): Promise<Awaited<ReturnType<typeof deliverChannelEntries>>> {
  try {
    return await deliverChannelEntries(
      { ...deps.channels, now: () => deps.now(), logger: deps.logger },
      casus,
      kamers,
    );
  } catch (error) {
    deps.logger.warn(
      { err: error, casusId: casus.id },
      'channel entries not delivered; next delivery',
    );
    return { progress: [], threads: casus.threads };
  }
}

/**
 * One short card per person, however many entries are pending for them (a retry, a backlog after
 * an outage): it names the latest news, and "Open casus" shows the rest. Only those still owed an
 * entry are in its `recipientIds`, so a retry reaches nobody twice. Resolves with the outcome per
 * person and the cards that were sent.
 */
async function sendNew(
  deps: DeliveryDependencies,
  { casus, view, audience, chats }: Delivery,
  notifications: Notification[],
): Promise<{ outcomes: Map<string, RecipientOutcome>; cards: Casus['cards'] }> {
  const latestFor = new Map<string, Notification>();
  for (const notification of notifications) {
    for (const personId of notification.recipientIds) latestFor.set(personId, notification);
  }
  const outcomes = new Map<string, RecipientOutcome>();
  const cards: Casus['cards'] = [];
  await Promise.all(
    [...latestFor].map(async ([personId, notification]) => {
      try {
        const member = audience.get(personId);
        const recipient = member && (await chats.recipient(member));
        if (!recipient) {
          outcomes.set(personId, 'ended'); // unreachable for good: nothing to retry
          return;
        }
        const card = notificationCardFor(
          recipient.viewer,
          casus,
          view,
          notification.event,
          notification.notice,
        );
        const posted = await deps.poster.post(recipient.reference, casus.id, card);
        if (!posted.ok) {
          outcomes.set(personId, posted.permanent ? 'ended' : 'retry');
          if (posted.permanent) {
            deps.logger.warn(
              { casusId: casus.id, status: posted.status },
              'recipient refuses cards; their notification ends here',
            );
          }
          return;
        }
        cards.push({
          personId,
          activityId: posted.activityId,
          ...(notification.event !== undefined && { event: notification.event }),
          revision: casus.revision,
        });
        outcomes.set(personId, 'reached');
      } catch (error) {
        outcomes.set(personId, 'retry');
        deps.logger.warn({ err: error, casusId: casus.id }, 'recipient not notified; will retry');
      }
    }),
  );
  return { outcomes, cards };
}

/**
 * Copies sent before: in a chat that just got a newer card about this casus (`renewed`), the
 * older ones say so, with one line of what they said (one current notification card per chat); a
 * holder who may no longer see the casus gets a neutral card; the others keep their news and
 * follow the status and next step in place. Resolves with the copies to stop tracking and those
 * updated to this revision.
 */
async function updateCopies(
  deps: DeliveryDependencies,
  { casus, view, audience, chats }: Delivery,
  renewed: ReadonlySet<string>,
): Promise<{ retired: Casus['cards']; refreshed: Casus['cards'] }> {
  const retired: Casus['cards'] = [];
  const refreshed: Casus['cards'] = [];
  // A copy that already shows this revision is left alone: a retry for someone else, or a sweep,
  // must not update it again.
  const fates = fateOfCopies(casus.cards, renewed, audience).filter(
    ({ copy, fate }) => fate !== 'current' || copy.revision !== casus.revision,
  );
  await Promise.all(
    fates.map(async ({ copy, fate }) => {
      // Superseded copies are let go even when their update fails (a deleted message): they must
      // not come back later as a second current card. A withdrawal is retried until it is done.
      if (fate === 'superseded') retired.push(copy);
      try {
        const chat = await chats.chatOf(copy.personId);
        if (!chat) return;
        const member = audience.get(copy.personId);
        const card =
          fate === 'current' && member
            ? notificationCardFor(viewerOf(member), casus, view, copy.event)
            : fate === 'superseded'
              ? supersededCard(casus, copy.event)
              : withdrawnCard(casus.casusNumber);
        const updated = await deps.poster.post(chat, casus.id, card, copy.activityId);
        if (fate === 'superseded') return;
        // A copy that can never be updated (blocked, message deleted) is let go as well.
        if (updated.ok ? fate === 'withdrawn' : updated.permanent) retired.push(copy);
        else if (updated.ok) refreshed.push({ ...copy, revision: casus.revision });
      } catch (error) {
        deps.logger.warn({ err: error, casusId: casus.id }, 'earlier casus card not updated');
      }
    }),
  );
  return { retired, refreshed };
}
