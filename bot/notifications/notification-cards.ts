import type { Notification } from '../../src/app/notifications/outbox';
import type { Casus } from '../../src/domain/casus/casus.schema';
import type { AdaptiveCardJson } from '../cards/card-template';
import { casusSupersededCard } from '../cards/casus-superseded.card';
import { errorCard } from '../cards/error.card';
import { describeEvent, type CasusView } from '../presenters/casus.presenter';

/** The news line on a notification card: the latest timeline entry of the notified event. */
export function noticeOf(casus: Casus, notification: Notification): CasusView['notice'] {
  const last = [...casus.audit].reverse().find((entry) => entry.action === notification.action);
  return last
    ? { text: `Nieuw: ${describeEvent(last).what} (${last.actor.name}).`, style: 'accent' }
    : undefined;
}

/** An earlier copy in a chat that just got a newer card about the same casus. */
export const supersededCard = (casusNumber: string): AdaptiveCardJson =>
  casusSupersededCard.render({ casusNumber });

/**
 * An earlier copy whose holder may no longer see the casus: it names the number they already had
 * and nothing of the betrokkene, the state or the timeline, and has no refresh.
 */
export const withdrawnCard = (casusNumber: string): AdaptiveCardJson =>
  errorCard.render({
    title: 'Melding ingetrokken',
    tone: 'Default',
    message: `Deze melding over casus ${casusNumber} is ingetrokken: je kunt deze casus niet (meer) inzien.`,
    notes: [],
  });
