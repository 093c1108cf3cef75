import type { AdaptiveCardJson } from '../cards/card-template';
import { errorCard } from '../cards/error.card';

const NOTHING_CHANGED = 'Er is niets gewijzigd.';

/** The store could not be reached: nothing was written, the user can simply try again. */
export const storeUnavailableCard = (): AdaptiveCardJson =>
  errorCard.render({
    title: 'Probeer het later opnieuw',
    message: 'De opslag van casusbot is op dit moment niet bereikbaar.',
    notes: [NOTHING_CHANGED],
  });

/** A bug: the user gets an honest answer, the details go to the log. */
export const unexpectedErrorCard = (): AdaptiveCardJson =>
  errorCard.render({
    title: 'Er ging iets mis',
    message:
      'casusbot kon dit niet afhandelen. De beheerder kan de fout terugvinden in het logboek.',
    notes: [NOTHING_CHANGED],
  });

/** A refusal: bad, forged or stale input, or an action not allowed here. */
export const refusalCard = (title: string, message: string): AdaptiveCardJson =>
  errorCard.render({ title, message, notes: [NOTHING_CHANGED] });
