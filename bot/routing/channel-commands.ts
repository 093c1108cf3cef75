import { identifyActor } from '../../src/app/identify-actor';
import {
  linkChannel,
  unlinkChannel,
  type ChannelServices,
} from '../../src/app/channel/link-channel';
import type { ChannelPlace } from '../../src/domain/channel/channel-link';
import type { Logger } from '../../src/logging/logger';
import { StoreUnavailableError } from '../../src/storage/cosmos-errors';
import type { AdaptiveCardJson } from '../cards/card-template';
import { errorCard } from '../cards/error.card';
import { refusalCard, storeUnavailableCard, unexpectedErrorCard } from '../presenters/error-cards';

/** Everyone in the channel reads it: the same words whoever asked and whatever the reason. */
const notAllowed = (): AdaptiveCardJson =>
  refusalCard(
    'Niet toegestaan',
    'Alleen een functioneel beheerder of een procesregisseur van de kamer kan een kanaal koppelen of ontkoppelen.',
  );

const good = (title: string, message: string, notes: string[] = []): AdaptiveCardJson =>
  errorCard.render({ title, tone: 'Good', message, notes });

/**
 * What the team reads when the app is added to it: how to link a kamer's channel. The same for
 * every team, so the install turn asks the store nothing.
 */
export const addedToTeamCard = (): AdaptiveCardJson =>
  good(
    'casusbot is aan dit team toegevoegd',
    'Koppel het kanaal van een kamer: typ in dat kanaal @casusbot koppel gevolgd door de code van de kamer, bijvoorbeeld @casusbot koppel ROT. Dat kan een functioneel beheerder of een procesregisseur van die kamer.',
    [
      'Elke casus van de kamer krijgt dan in dat kanaal een eigen draad met het casusnummer, de status en de termijn. Persoonsgegevens en motivaties komen nooit in een kanaal.',
    ],
  );

/** `koppel <kamer>` and `ontkoppel`, typed in a channel with an @mention of the bot. */
export class ChannelCommands {
  constructor(private readonly services: ChannelServices & { demoMode: boolean }) {}

  /** The answer to a channel command, or undefined when the text is none. */
  async onText(
    sender: { aadObjectId: string | undefined },
    place: ChannelPlace,
    command: string,
    logger: Logger,
  ): Promise<AdaptiveCardJson | undefined> {
    const [word, ...rest] = command.split(' ');
    if (word !== 'koppel' && word !== 'ontkoppel') return undefined;
    try {
      const identification = await identifyActor(this.services.registry, sender.aadObjectId, {
        demoMode: this.services.demoMode,
        today: this.services.now().toISOString().slice(0, 10),
      });
      if (!identification.ok) {
        logger.warn({ command: word }, 'channel command by someone without access');
        return notAllowed();
      }
      const { actor } = identification;
      if (word === 'ontkoppel') {
        const result = await unlinkChannel(this.services, actor, place);
        if (!result.ok) {
          logger.info({ refusal: result.error.kind }, 'channel not unlinked');
          return result.error.kind === 'not-linked'
            ? refusalCard('Niet gekoppeld', 'Dit kanaal is aan geen kamer gekoppeld.')
            : notAllowed();
        }
        logger.info({ kamers: result.value.kamers.map((kamer) => kamer.id) }, 'channel unlinked');
        return good(
          'Kanaal ontkoppeld',
          `${actor.person.name} heeft dit kanaal ontkoppeld van ${result.value.kamers.map((kamer) => kamer.name).join(' en ')}.`,
          ['De draden die er staan blijven staan; er komen geen nieuwe berichten meer bij.'],
        );
      }
      const result = await linkChannel(this.services, actor, rest.join(' '), place);
      if (!result.ok) {
        logger.info({ refusal: result.error.kind }, 'channel not linked');
        if (result.error.kind === 'not-allowed') return notAllowed();
        const choices = result.error.choices;
        return refusalCard(
          'Welke kamer?',
          `Typ de code van de kamer achter koppel, bijvoorbeeld: @casusbot koppel ${choices[0]!.code}. Je kunt kiezen uit: ${choices.map((kamer) => `${kamer.code} (${kamer.name})`).join(', ')}.`,
        );
      }
      const { kamer, replaced } = result.value;
      logger.info({ kamerId: kamer.id, replaced }, 'channel linked');
      return good(
        'Kanaal gekoppeld',
        `${actor.person.name} (${actor.organisation.name}) heeft dit kanaal gekoppeld aan ${kamer.name}. Elke casus die bij deze kamer wordt aangemeld, krijgt hier een eigen draad met het casusnummer, de status en de termijn.`,
        [
          'Persoonsgegevens en motivaties komen nooit in dit kanaal: die staan alleen in de persoonlijke chat van wie de casus mag zien.',
          ...(replaced
            ? [
                `Het kanaal waaraan ${kamer.name} eerder gekoppeld was, krijgt geen nieuwe berichten meer.`,
              ]
            : []),
        ],
      );
    } catch (error) {
      if (error instanceof StoreUnavailableError) {
        logger.error({ err: error.cause }, 'store unavailable');
        return storeUnavailableCard();
      }
      logger.error({ err: error }, 'channel command failed');
      return unexpectedErrorCard();
    }
  }
}
