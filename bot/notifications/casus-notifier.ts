import {
  CardFactory,
  MessageFactory,
  type CloudAdapter,
  type ConversationReference,
} from 'botbuilder';
import { z } from 'zod';
import type { CasusAudience } from '../../src/app/casus/casus-audience';
import type { Actor } from '../../src/app/identify-actor';
import { fateOfCopies } from '../../src/app/notifications/card-copies';
import type { ConversationDirectory } from '../../src/app/notifications/conversation-directory';
import { markSent, notificationsOf, type Notification } from '../../src/app/notifications/outbox';
import type { AudienceMember } from '../../src/domain/casus/casus-audience';
import type { CasusRepository } from '../../src/domain/casus/casus.repository';
import type { Casus } from '../../src/domain/casus/casus.schema';
import type { RegistryRepository } from '../../src/domain/registry/registry.repository';
import type { Logger } from '../../src/logging/logger';
import type { AdaptiveCardJson } from '../cards/card-template';
import { casusSupersededCard } from '../cards/casus-superseded.card';
import { errorCard } from '../cards/error.card';
import { casusCardFor, describeEvent, type CasusView } from '../presenters/casus.presenter';
import { loadCasusViewWithAudience } from '../presenters/casus-view';

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
 * Delivers a casus's outbox: each recipient who may see the casus gets the casus card in their own
 * view, in their personal chat. Delivery is at least once: an entry is marked sent only after every
 * reachable recipient got it, so a failure is retried by the next sweep (and may then reach someone
 * twice).
 */
export class CasusNotifier {
  private sweeping: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly poster: CardPoster;

  constructor(private readonly deps: NotifierDependencies) {
    this.poster = new CardPoster(deps);
  }

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
      () => deliverCasus({ ...this.deps, poster: this.poster }, casusId),
      () => deliverCasus({ ...this.deps, poster: this.poster }, casusId),
    );
    this.queues.set(casusId, next);
    const forget = () => {
      if (this.queues.get(casusId) === next) this.queues.delete(casusId);
    };
    next.then(forget, forget);
    return next;
  }
}

interface DeliveryDependencies {
  conversations: ConversationDirectory;
  casussen: CasusRepository;
  registry: RegistryRepository;
  poster: CardPoster;
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
 * (side by side); none per recipient.
 */
async function deliverCasus(deps: DeliveryDependencies, casusId: string): Promise<void> {
  const { casussen, registry } = deps;
  const casus = (await casussen.get(casusId))?.value;
  const kamer = casus?.kamerId ? await registry.getKamer(casus.kamerId) : undefined;
  // Only a submitted casus, which has its number, has anything to tell.
  if (!casus?.casusNumber || !kamer) return;
  const today = deps.now().toISOString().slice(0, 10);
  const { view, audience } = await loadCasusViewWithAudience(registry, casus, kamer, today);
  const delivery: Delivery = {
    casus: { ...casus, casusNumber: casus.casusNumber },
    view,
    audience,
    chats: new DeliveryChats(deps.conversations, deps.logger, casus.id),
  };
  const notifications = notificationsOf(casus, kamer, audience);
  const { delivered, cards } = await sendNew(deps, delivery, notifications);
  const retired = await updateCopies(deps, delivery, new Set(cards.map((card) => card.personId)));
  if (delivered.length > 0 || cards.length > 0 || retired.length > 0) {
    await markSent(casussen, casus.id, {
      entryIds: delivered,
      cards,
      retired,
      at: deps.now().toISOString(),
    });
  }
}

/**
 * One card per person, however many entries are pending for them (a retry, a backlog after an
 * outage): it names the latest news, and the card's timeline holds the rest. Resolves with the
 * entries every recipient got and the cards that were sent.
 */
async function sendNew(
  deps: DeliveryDependencies,
  { casus, view, audience, chats }: Delivery,
  notifications: Notification[],
): Promise<{ delivered: string[]; cards: Casus['cards'] }> {
  const latestFor = new Map<string, Notification>();
  for (const notification of notifications) {
    for (const personId of notification.recipientIds) latestFor.set(personId, notification);
  }
  const reached = new Set<string>();
  const cards: Casus['cards'] = [];
  await Promise.all(
    [...latestFor].map(async ([personId, notification]) => {
      try {
        const member = audience.get(personId);
        const recipient = member && (await chats.recipient(member));
        if (!recipient) {
          reached.add(personId); // unreachable for good: nothing to retry
          return;
        }
        const notice = noticeOf(casus, notification);
        const card = casusCardFor(recipient.viewer, casus, { ...view, notice });
        const activityId = await deps.poster.post(recipient.reference, casus.id, card);
        if (activityId === undefined) return;
        cards.push({ personId, activityId });
        reached.add(personId);
      } catch (error) {
        deps.logger.warn({ err: error, casusId: casus.id }, 'recipient not notified; will retry');
      }
    }),
  );
  const delivered = notifications
    .filter((notification) => notification.recipientIds.every((id) => reached.has(id)))
    .map((notification) => notification.entry.id);
  return { delivered, cards };
}

/**
 * Copies sent before: in a chat that just got a newer card about this casus (`renewed`), the
 * older ones say so (one current notification card per chat); a holder who may no longer see the
 * casus gets a neutral card; the others follow the change in place. Resolves with the copies to
 * stop tracking.
 */
async function updateCopies(
  deps: DeliveryDependencies,
  { casus, view, audience, chats }: Delivery,
  renewed: ReadonlySet<string>,
): Promise<Casus['cards']> {
  const retired: Casus['cards'] = [];
  await Promise.all(
    fateOfCopies(casus.cards, renewed, audience).map(async ({ copy, fate }) => {
      // Superseded copies are let go even when their update fails (a deleted message): they must
      // not come back later as a second current card. A withdrawal is retried until it is done.
      if (fate === 'superseded') retired.push(copy);
      try {
        const chat = await chats.chatOf(copy.personId);
        if (!chat) return;
        const member = audience.get(copy.personId);
        const card =
          fate === 'current' && member
            ? casusCardFor(viewerOf(member), casus, view)
            : fate === 'superseded'
              ? supersededCard(casus.casusNumber)
              : withdrawnCard(casus.casusNumber);
        const updated = await deps.poster.post(chat, casus.id, card, copy.activityId);
        if (fate === 'withdrawn' && updated !== undefined) retired.push(copy);
      } catch (error) {
        deps.logger.warn({ err: error, casusId: casus.id }, 'earlier casus card not updated');
      }
    }),
  );
  return retired;
}

const referenceSchema = z.looseObject({
  serviceUrl: z.string(),
  conversation: z.looseObject({ id: z.string() }),
});

type ChatReference = Partial<ConversationReference>;

/** Someone who may see the casus, in the view of their own registry entry, and their personal chat. */
interface Recipient {
  viewer: Actor;
  reference: ChatReference;
}

/** A member of the audience as the viewer of their own card. */
function viewerOf(member: AudienceMember): Actor {
  return {
    aadObjectId: member.person.id,
    person: member.person,
    organisation: member.organisation,
    viaDemoPersona: false,
  };
}

/**
 * The personal chats of one delivery: each person's is looked up once, though they may get a new
 * card and have old copies. Whether someone may be sent casus content is not decided here: the
 * audience says so, and `recipient` takes only its members.
 */
class DeliveryChats {
  private readonly chats = new Map<string, Promise<ChatReference | undefined>>();

  constructor(
    private readonly conversations: ConversationDirectory,
    private readonly logger: Logger,
    private readonly casusId: string,
  ) {}

  /** The chat where an earlier copy of this person's card lives, to update it. */
  chatOf(personId: string): Promise<ChatReference | undefined> {
    let chat = this.chats.get(personId);
    if (!chat) {
      chat = this.lookUp(personId);
      this.chats.set(personId, chat);
    }
    return chat;
  }

  /** A member of the casus's audience whose personal chat the bot knows. */
  async recipient(member: AudienceMember): Promise<Recipient | undefined> {
    const reference = await this.chatOf(member.person.id);
    if (!reference) return undefined;
    return { viewer: viewerOf(member), reference };
  }

  private async lookUp(personId: string): Promise<ChatReference | undefined> {
    const reference = referenceSchema.safeParse(await this.conversations.get(personId));
    if (!reference.success) {
      this.logger.info(
        { casusId: this.casusId, reason: 'no-conversation' },
        'recipient not reachable',
      );
      return undefined;
    }
    // Stored from a real activity by the bot itself; the fields it needs are checked above.
    return reference.data as unknown as ChatReference;
  }
}

/** Posts cards into personal chats proactively, as the bot. */
class CardPoster {
  constructor(
    private readonly deps: {
      adapter: CloudAdapter;
      /** The bot's app id ('' when anonymous, as with the local client). */
      appId: string;
      logger: Logger;
    },
  ) {}

  /**
   * Sends a card into the chat, or replaces the earlier copy `replace`. Resolves with the activity
   * id, or undefined when it failed (to be retried by a later delivery).
   */
  async post(
    chat: ChatReference,
    casusId: string,
    content: AdaptiveCardJson,
    replace?: string,
  ): Promise<string | undefined> {
    const card = CardFactory.adaptiveCard(content);
    let activityId: string | undefined;
    try {
      await this.deps.adapter.continueConversationAsync(this.deps.appId, chat, async (context) => {
        if (replace) {
          await context.updateActivity({ ...MessageFactory.attachment(card), id: replace });
          activityId = replace;
        } else {
          activityId = (await context.sendActivity(MessageFactory.attachment(card)))?.id;
        }
      });
      return activityId;
    } catch (error) {
      this.deps.logger.warn({ err: error, casusId }, 'casus card not delivered; will retry');
      return undefined;
    }
  }
}

/** The news line on a notification card: the latest timeline entry of the notified event. */
function noticeOf(casus: Casus, notification: Notification): CasusView['notice'] {
  const last = [...casus.audit].reverse().find((entry) => entry.action === notification.action);
  return last
    ? { text: `Nieuw: ${describeEvent(last).what} (${last.actor.name}).`, style: 'accent' }
    : undefined;
}

/** An earlier copy in a chat that just got a newer card about the same casus. */
const supersededCard = (casusNumber: string): AdaptiveCardJson =>
  casusSupersededCard.render({ casusNumber });

/**
 * An earlier copy whose holder may no longer see the casus: it names the number they already had
 * and nothing of the betrokkene, the state or the timeline, and has no refresh.
 */
const withdrawnCard = (casusNumber: string): AdaptiveCardJson =>
  errorCard.render({
    title: 'Melding ingetrokken',
    message: `Deze melding over casus ${casusNumber} is ingetrokken: je kunt deze casus niet (meer) inzien.`,
    notes: [],
  });
