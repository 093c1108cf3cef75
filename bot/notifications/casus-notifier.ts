import {
  CardFactory,
  MessageFactory,
  type CloudAdapter,
  type ConversationReference,
} from 'botbuilder';
import { z } from 'zod';
import type { Actor } from '../../src/app/identify-actor';
import type { ConversationDirectory } from '../../src/app/notifications/conversation-directory';
import { markSent, notificationsOf, type Notification } from '../../src/app/notifications/outbox';
import type { CasusRepository } from '../../src/domain/casus/casus.repository';
import type { Casus } from '../../src/domain/casus/casus.schema';
import type { RegistryRepository } from '../../src/domain/registry/registry.repository';
import { decideSystemAccess } from '../../src/domain/registry/system-access';
import type { Logger } from '../../src/logging/logger';
import type { AdaptiveCardJson } from '../cards/card-template';
import { casusSupersededCard } from '../cards/casus-superseded.card';
import { casusCardFor, describeEvent, type CasusView } from '../presenters/casus.presenter';
import { loadCasusView } from '../presenters/casus-view';

const referenceSchema = z.looseObject({
  serviceUrl: z.string(),
  conversation: z.looseObject({ id: z.string() }),
});

export interface NotifierDependencies {
  adapter: CloudAdapter;
  /** The bot's app id ('' when anonymous, as with the local client). */
  appId: string;
  conversations: ConversationDirectory;
  casussen: CasusRepository;
  registry: RegistryRepository;
  now(): Date;
  logger: Logger;
}

/**
 * Delivers a casus's outbox: each recipient gets the casus card in their own view, in their personal
 * chat. Delivery is at least once: an entry is marked sent only after every reachable recipient got
 * it, so a failure is retried by the next sweep (and may then reach someone twice).
 */
export class CasusNotifier {
  private sweeping: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly deps: NotifierDependencies) {}

  /** After a write with new outbox entries; never throws (the user's turn is already answered). */
  deliverSoon(casusId: string): void {
    const delivery = this.deliver(casusId).catch((error: unknown) =>
      this.deps.logger.error({ err: error, casusId }, 'outbox delivery failed'),
    );
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }

  /** Waits for deliveries under way (shutdown); what is left pending goes with the next start's sweep. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight, this.sweeping]);
  }

  /** Every casus with pending notifications: at start and periodically, for what a crash left behind. */
  async sweep(): Promise<void> {
    this.sweeping ??= (async () => {
      try {
        for (const { value } of await this.deps.casussen.listWithPendingOutbox(50))
          await this.deliver(value.id);
      } catch (error) {
        this.deps.logger.error({ err: error }, 'outbox sweep failed');
      } finally {
        this.sweeping = undefined;
      }
    })();
    return this.sweeping;
  }

  /** Delivers a casus's outbox. Deliveries of one casus run one after another, never side by side. */
  deliver(casusId: string): Promise<void> {
    const previous = this.queues.get(casusId) ?? Promise.resolve();
    const next = previous.then(
      () => this.deliverNow(casusId),
      () => this.deliverNow(casusId),
    );
    this.queues.set(casusId, next);
    const forget = () => {
      if (this.queues.get(casusId) === next) this.queues.delete(casusId);
    };
    next.then(forget, forget);
    return next;
  }

  private async deliverNow(casusId: string): Promise<void> {
    const stored = await this.deps.casussen.get(casusId);
    const casus = stored?.value;
    const kamer = casus?.kamerId ? await this.deps.registry.getKamer(casus.kamerId) : undefined;
    // Only a submitted casus, which has its number, has anything to tell.
    if (!casus?.casusNumber || !kamer) return;
    // The same for every recipient but the notice: loaded once per delivery, not per card.
    const view = await loadCasusView(this.deps.registry, casus, kamer);
    const notifications = await notificationsOf(casus, this.deps.registry);
    // A person is looked up once per delivery, though they may have a new card and old copies.
    const recipients = new Map<string, Promise<Recipient | undefined>>();
    const reach = (personId: string) => {
      let recipient = recipients.get(personId);
      if (!recipient) {
        recipient = this.reach(personId, casus.id);
        recipients.set(personId, recipient);
      }
      return recipient;
    };

    // One card per person, however many entries are pending for them (a retry, a backlog after an
    // outage): it names the latest news, and the card's timeline holds the rest.
    const latestFor = new Map<string, Notification>();
    for (const notification of notifications) {
      for (const personId of notification.recipientIds) latestFor.set(personId, notification);
    }
    const reached = new Set<string>();
    const cards: Casus['cards'] = [];
    await Promise.all(
      [...latestFor].map(async ([personId, notification]) => {
        try {
          const recipient = await reach(personId);
          if (!recipient) {
            reached.add(personId); // unreachable for good: nothing to retry
            return;
          }
          const notice = noticeOf(casus, notification);
          const card = casusCardFor(recipient.viewer, casus, { ...view, notice });
          const activityId = await this.post(recipient, casus.id, card);
          if (activityId === undefined) return;
          cards.push({ personId, activityId });
          reached.add(personId);
        } catch (error) {
          this.deps.logger.warn({ err: error, casusId }, 'recipient not notified; will retry');
        }
      }),
    );
    const delivered = notifications
      .filter((notification) => notification.recipientIds.every((id) => reached.has(id)))
      .map((notification) => notification.entry.id);

    // Copies sent before: in a chat that just got a newer card about this casus, the older ones
    // say so (one current notification card per chat); the others follow the change in place.
    const renewed = new Set(cards.map((card) => card.personId));
    const superseded = casusSupersededCard.render({ casusNumber: casus.casusNumber });
    // Retired even when its update fails (a deleted message): it must not come back later as a
    // second current card.
    const retired = casus.cards.filter((copy) => renewed.has(copy.personId));
    await Promise.all(
      casus.cards.map(async (copy) => {
        try {
          const recipient = await reach(copy.personId);
          if (!recipient) return;
          const card = renewed.has(copy.personId)
            ? superseded
            : casusCardFor(recipient.viewer, casus, view);
          await this.post(recipient, casus.id, card, copy.activityId);
        } catch (error) {
          this.deps.logger.warn({ err: error, casusId }, 'earlier casus card not updated');
        }
      }),
    );
    if (delivered.length > 0 || cards.length > 0) {
      await markSent(this.deps.casussen, casus.id, {
        entryIds: delivered,
        cards,
        retired,
        at: this.deps.now().toISOString(),
      });
    }
  }

  /** A recipient who may still use the system and whose personal chat the bot knows. */
  private async reach(personId: string, casusId: string): Promise<Recipient | undefined> {
    const { registry, logger } = this.deps;
    const person = await registry.getPerson(personId);
    const organisation = person ? await registry.getOrganisation(person.organisationId) : undefined;
    const access = decideSystemAccess(
      person,
      organisation,
      this.deps.now().toISOString().slice(0, 10),
    );
    const reference = referenceSchema.safeParse(await this.deps.conversations.get(personId));
    if (!access.ok || !reference.success) {
      logger.info(
        { casusId, reason: access.ok ? 'no-conversation' : access.reason },
        'recipient not reachable',
      );
      return undefined;
    }
    return {
      viewer: {
        aadObjectId: personId,
        person: access.person,
        organisation: access.organisation,
        viaDemoPersona: false,
      },
      // Stored from a real activity by the bot itself; the fields it needs are checked above.
      reference: reference.data as unknown as Partial<ConversationReference>,
    };
  }

  /**
   * Sends a card into the recipient's chat, or replaces the earlier copy `replace`. Resolves with
   * the activity id, or undefined when it failed (to be retried by a later delivery).
   */
  private async post(
    recipient: Recipient,
    casusId: string,
    content: AdaptiveCardJson,
    replace?: string,
  ): Promise<string | undefined> {
    const card = CardFactory.adaptiveCard(content);
    let activityId: string | undefined;
    try {
      await this.deps.adapter.continueConversationAsync(
        this.deps.appId,
        recipient.reference,
        async (context) => {
          if (replace) {
            await context.updateActivity({ ...MessageFactory.attachment(card), id: replace });
            activityId = replace;
          } else {
            activityId = (await context.sendActivity(MessageFactory.attachment(card)))?.id;
          }
        },
      );
      return activityId;
    } catch (error) {
      this.deps.logger.warn({ err: error, casusId }, 'casus card not delivered; will retry');
      return undefined;
    }
  }
}

interface Recipient {
  viewer: Actor;
  reference: Partial<ConversationReference>;
}

/** The news line on a notification card: the latest timeline entry of the notified event. */
function noticeOf(casus: Casus, notification: Notification): CasusView['notice'] {
  const last = [...casus.audit].reverse().find((entry) => entry.action === notification.action);
  return last
    ? { text: `Nieuw: ${describeEvent(last).what} (${last.actor.name}).`, style: 'accent' }
    : undefined;
}
