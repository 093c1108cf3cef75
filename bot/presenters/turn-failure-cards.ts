import type { Casus } from '../../src/domain/casus/casus.schema';
import type { AdaptiveCardJson } from '../cards/card-template';
import { errorCard } from '../cards/error.card';
import { compactCasusCard } from './casus-compact.presenter';

/**
 * The store confirmed the change, but the answer could not be completed (a read after the write
 * failed, or the card could not be rendered). The user learns that it was recorded, and what.
 */
export function recordedCard(casus: Casus | undefined): AdaptiveCardJson {
  if (casus?.casusNumber) {
    return compactCasusCard(casus, {
      notice: { text: 'Je wijziging is vastgelegd.', style: 'emphasis' },
      why: `De volledige kaart kan nu niet worden getoond. Typ "casus ${casus.casusNumber}" om hem later te openen.`,
    });
  }
  return errorCard.render({
    title: 'Opgeslagen',
    tone: 'Default',
    message: casus
      ? 'Je wijziging in het concept is opgeslagen, maar de kaart kan nu niet worden getoond.'
      : 'Je wijziging is verwerkt, maar de kaart kan nu niet worden getoond.',
    notes: ['Typ "mijn casussen" om verder te gaan.'],
  });
}

/**
 * A write got no answer and reading back could not tell whether it was applied, or the turn did
 * not finish in time: either way, what it was doing may have been recorded.
 */
export function outcomeUnknownCard(): AdaptiveCardJson {
  return errorCard.render({
    title: 'Niet zeker of dit is vastgelegd',
    tone: 'Warning',
    message:
      'casusbot kreeg niet op tijd antwoord. Het is niet bekend of je wijziging is vastgelegd.',
    notes: [
      'Open de casus over een minuut opnieuw (via "mijn casussen" of "casus <nummer>") om te zien wat er is vastgelegd, voordat je het nog eens probeert.',
    ],
  });
}
