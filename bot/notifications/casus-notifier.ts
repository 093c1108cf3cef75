import {
  CardFactory,
  MessageFactory,
  type CloudAdapter,
  type ConversationReference,
} from 'botbuilder';
import { z } from 'zod';
import type { Actor } from '../../src/app/identify-actor';
import type { ConversationDirectory } from '../../src/app/notifications/conversation-directory';
import { markSent, notificationsOf } from '../../src/app/notifications/outbox';
import type { CasusRepository } from '../../src/domain/casus/casus.repository';
import type { Casus } from '../../src/domain/casus/casus.schema';
import type { RegistryRepository } from '../../src/domain/registry/registry.repository';
import { decideSystemAccess } from '../../src/domain/registry/system-access';
import type { Logger } from '../../src/logging/logger';
import type { AdaptiveCardJson } from '../cards/card-template';
import { casusSupersededCard } from '../cards/casus-superseded.card';
import { casusCardFor, describeEvent } from '../presenters/casus.presenter';
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

  async deliver(casusId: string): Promise<void> {
    const stored = await this.deps.casussen.get(casusId);
    const kamer = stored?.value.kamerId
      ? await this.deps.registry.getKamer(stored.value.kamerId)
      : undefined;
    if (!stored || !kamer) return;
    const casus = stored.value;
    // The same for every recipient but the notice: loaded once per delivery, not per card.
    const view = await loadCasusView(this.deps.registry, casus, kamer);
    const delivered: string[] = [];
    const cards: Casus['cards'] = [];
    for (const notification of await notificationsOf(casus, this.deps.registry)) {
      const last = [...casus.audit].reverse().find((entry) => entry.action === notification.action);
      const notice = last
        ? {
            text: `Nieuw: ${describeEvent(last).what} (${last.actor.name}).`,
            style: 'accent' as const,
          }
        : undefined;
      const sent = await Promise.all(
        notification.recipientIds.map(async (personId) => {
          const recipient = await this.reach(personId, casus.id);
          if (!recipient) return true; // unreachable for good: nothing to retry
          const card = casusCardFor(recipient.viewer, casus, { ...view, notice });
          const activityId = await this.post(recipient, casus.id, card);
          if (activityId) cards.push({ personId, activityId });
          return activityId !== undefined;
        }),
      );
      if (sent.every(Boolean)) delivered.push(notification.entry.id);
    }
    // Copies sent before: in a chat that just got a newer card about this casus, the older ones
    // say so (one current card per chat, not several identical ones); the others follow the change.
    const renewed = new Set(cards.map((card) => card.personId));
    const retired: string[] = [];
    await Promise.all(
      casus.cards.map(async ({ personId, activityId }) => {
        const recipient = await this.reach(personId, casus.id);
        if (!recipient) return;
        if (!renewed.has(personId)) {
          await this.post(
            recipient,
            casus.id,
            casusCardFor(recipient.viewer, casus, view),
            activityId,
          );
          return;
        }
        const superseded = casusSupersededCard.render({
          casusNumber: casus.casusNumber ?? 'zonder nummer',
        });
        if (await this.post(recipient, casus.id, superseded, activityId)) retired.push(activityId);
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
