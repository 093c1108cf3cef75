import { identifyActor } from '../../src/app/identify-actor';
import type { Logger } from '../../src/logging/logger';
import type { AdaptiveCardJson } from '../cards/card-template';
import { notAuthorisedCard } from '../cards/not-authorised.card';
import { accessRefusalText } from '../presenters/actor.presenter';
import { refusalCard } from '../presenters/error-cards';
import type { ChannelPlace } from '../../src/domain/channel/channel-link';
import type { ChannelCommands } from './channel-commands';
import type { ChannelVerbs } from './channel-verbs';
import type { CommandRoute, Services, Turn, VerbRoute } from './route-types';
import { inviteeAnswer } from './invitee-answer';
import { failureAnswer } from './turn-failure';
import { TurnWrites } from './turn-writes';
import { loggedName } from './logged-name';
import { recorderFor, type AccessRecorder } from '../../src/app/access/access-recorder';

/** The services a turn gets, but for its own access recorder, which the dispatcher makes per turn. */
export type DispatcherServices = Omit<Services, 'access'>;

/** Who sent the activity, as Teams says; the registry decides what that means. */
export interface Sender {
  aadObjectId: string | undefined;
  activityId: string | undefined;
  /** A channel or group chat is `shared`: everyone present reads the answer. */
  chat: 'personal' | 'shared';
  /** A team channel: where `koppel` links a kamer. */
  channel?: ChannelPlace;
  /**
   * Keeps where this sender can be reached later (as `personId`, by default the sender). Called
   * only once the registry knows them, so strangers leave nothing behind (data minimisation, and
   * no store growth from unknown senders).
   */
  remember?(personId?: string): Promise<void>;
}

/**
 * The whole answer in a channel or group chat, whoever asks: everyone there reads it, so it names
 * no casus and no person, and the registry is not even asked (its refusal reasons are personal).
 */
function personalChatOnly(): AdaptiveCardJson {
  return refusalCard(
    'casusbot werkt in je persoonlijke chat',
    'In een kanaal of groepschat leest iedereen het antwoord mee. Open de persoonlijke chat met casusbot en typ help om te zien wat je kunt doen. Een functioneel beheerder of procesregisseur koppelt een kanaal aan een kamer met: @casusbot koppel <kamercode>.',
  );
}

/** Lower case, single spaces: "  Nieuwe   Casus " and "nieuwe casus" are the same command. */
export function normaliseCommandText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Routes text and card verbs through the route table. Knows nothing of Teams: it takes the sender
 * and the input and answers with a card. Every turn first passes the registry check.
 */
export class Dispatcher {
  constructor(
    private readonly table: {
      commands: readonly CommandRoute[];
      verbs: readonly VerbRoute[];
      /** The answer to text that is no command (by default the first command, help). */
      notUnderstood?: (turn: Turn) => Promise<AdaptiveCardJson>;
    },
    private readonly services: DispatcherServices,
    /**
     * A team channel's commands (`koppel`, `ontkoppel`) and the buttons on the bot's channel
     * cards; without them, a channel gets the pointer to the personal chat only.
     */
    private readonly channel: { commands?: ChannelCommands; verbs?: ChannelVerbs } = {},
  ) {}

  private get commands(): readonly CommandRoute[] {
    return this.table.commands.filter((route) => !route.demoOnly || this.services.demoMode);
  }

  /** The command a text starts with (the longest match wins), and the rest as arguments. */
  matchCommand(text: string): { route: CommandRoute; args: string } | undefined {
    const normalised = normaliseCommandText(text);
    const candidates = this.table.commands.flatMap((route) =>
      [route.command, ...(route.aliases ?? [])].map((word) => ({ route, word })),
    );
    const match = candidates
      .filter(({ word }) => normalised === word || normalised.startsWith(`${word} `))
      .sort((a, b) => b.word.length - a.word.length)[0];
    return match && { route: match.route, args: normalised.slice(match.word.length).trim() };
  }

  async onText(sender: Sender, text: string, logger: Logger): Promise<AdaptiveCardJson> {
    if (sender.chat === 'shared') {
      const answer =
        sender.channel &&
        (await this.channel.commands?.onText(
          sender,
          sender.channel,
          normaliseCommandText(text),
          logger,
        ));
      if (answer) return answer;
      logger.info('message in a shared chat: pointed to the personal chat');
      return personalChatOnly();
    }
    const match = this.matchCommand(text);
    const { notUnderstood } = this.table;
    if (!match && notUnderstood) {
      // Said so, with the commands as buttons: the user learns what is possible.
      return this.guarded(logger, sender, 'tekst', async (turn) => {
        logger.info('text that is no command');
        return notUnderstood(turn);
      });
    }
    const route = match?.route ?? this.commands[0];
    if (!route) throw new Error('The route table has no commands');
    return this.guarded(logger, sender, route.command, async (turn) => {
      if (route.demoOnly && !this.services.demoMode) {
        return refusalCard(
          'Alleen in de demomodus',
          `De opdracht "${route.command}" bestaat alleen in de demomodus.`,
        );
      }
      logger.info({ command: route.command }, 'command');
      return route.handle(turn, match?.args ?? '');
    });
  }

  /**
   * A button on a card the bot posted in a team channel: a short text for the presser alone, or
   * undefined when it is none (then `onVerb` refuses it, as every other verb from a shared chat).
   */
  async onChannelVerb(
    sender: Sender,
    verb: string,
    data: unknown,
    logger: Logger,
  ): Promise<string | undefined> {
    if (sender.chat !== 'shared' || !sender.channel) return undefined;
    return this.channel.verbs?.onVerb(sender, verb, data, logger);
  }

  async onVerb(
    sender: Sender,
    verb: string,
    data: unknown,
    logger: Logger,
  ): Promise<AdaptiveCardJson> {
    // Outside personal chats the bot's cards have only the buttons `onChannelVerb` answers.
    if (sender.chat === 'shared') {
      logger.warn({ verb: loggedName(verb) }, 'card verb outside a personal chat');
      return personalChatOnly();
    }
    return this.guarded(logger, sender, loggedName(verb), async (turn) => {
      const route = this.table.verbs.find((candidate) => candidate.verb === verb);
      if (!route) {
        logger.warn({ verb: loggedName(verb) }, 'unknown card verb');
        return refusalCard(
          'Onbekende actie',
          'Deze kaart hoort niet bij casusbot of is verouderd.',
        );
      }
      if (route.demoOnly && !this.services.demoMode) {
        logger.warn({ verb }, 'demo-only verb outside demo mode');
        return refusalCard('Alleen in de demomodus', 'Deze actie bestaat alleen in de demomodus.');
      }
      const parsed = route.data.safeParse(data);
      if (!parsed.success) {
        logger.warn(
          { verb, issues: parsed.error.issues.map((issue) => issue.path.join('.')) },
          'invalid card data',
        );
        return refusalCard(
          'Ongeldige invoer',
          'De gegevens van deze kaart kloppen niet. Open de kaart opnieuw via de opdracht.',
        );
      }
      logger.info({ verb }, 'card action');
      return route.handle(turn, parsed.data);
    });
  }

  /** `why`: the command or verb, as the access log names the cause of what the turn read or changed. */
  private async guarded(
    logger: Logger,
    sender: Sender,
    why: string,
    handle: (turn: Turn) => Promise<AdaptiveCardJson>,
  ): Promise<AdaptiveCardJson> {
    const { notifications } = this.services;
    let access: AccessRecorder | undefined;
    const writes = new TurnWrites(
      this.services.casussen,
      notifications.claimFor?.bind(notifications),
      {
        turnBegan: this.services.now().toISOString(),
        get recorder() {
          if (!access) throw new Error('A casus was written before the actor was known');
          return access;
        },
      },
    );
    // What the turn wrote goes to the delivery, which then reads and claims nothing itself.
    const turnNotifications = {
      deliverSoon: (casusId: string) => notifications.deliverSoon(casusId, writes.written(casusId)),
    };
    try {
      const identification = await identifyActor(this.services.registry, sender.aadObjectId, {
        demoMode: this.services.demoMode,
        today: this.services.now().toISOString().slice(0, 10),
      });
      if (!identification.ok) {
        // Whoever may not use the system may still be invited to a casus (a registry person of an
        // incidentele deelnemer among them): their card to sign, or that they take part.
        const invitee = await inviteeAnswer(
          this.services,
          sender.aadObjectId,
          (personId) => this.remember(sender, logger, personId),
          logger,
        );
        if (invitee) return invitee;
        logger.warn({ reason: identification.reason }, 'not authorised');
        return notAuthorisedCard.render({ reason: accessRefusalText[identification.reason] });
      }
      access = recorderFor(this.services, logger, identification.actor, why);
      await this.remember(sender, logger);
      // Demo mode: the role played is reached in this chat too, so the one local client also
      // shows the notifications meant for that role (the client cannot open other users' chats).
      if (identification.actor.viaDemoPersona && this.services.demoMode) {
        await this.remember(sender, logger, identification.actor.person.id);
      }
      return await handle({
        actor: identification.actor,
        activityId: sender.activityId,
        services: {
          ...this.services,
          casussen: writes,
          notifications: turnNotifications,
          access,
        },
        commandsFor: (actor) =>
          this.commands
            .filter((route) => route.offeredTo?.(actor) ?? true)
            .map(({ command, description, argument }) => ({ command, description, argument })),
      });
    } catch (error) {
      return failureAnswer(error, writes.record, logger);
    } finally {
      await access?.settled();
    }
  }

  /** Only later notifications depend on it: a failure is logged and the turn goes on. */
  private async remember(sender: Sender, logger: Logger, personId?: string): Promise<void> {
    try {
      await sender.remember?.(personId);
    } catch (error) {
      logger.warn({ err: error }, 'personal chat not remembered');
    }
  }
}
