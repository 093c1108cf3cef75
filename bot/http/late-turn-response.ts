import type { Activity, InvokeResponse } from 'botbuilder';
import { cardInvokeResponse, dialogMessageResponse } from '../invoke-responses';
import { outcomeUnknownCard } from '../presenters/turn-failure-cards';

/**
 * The answer for a turn still running at the deadline. Whatever it was doing may yet be written,
 * so the answer never says that nothing changed. A message's reply may still follow.
 */
export function lateTurnResponse(activity: Activity): InvokeResponse {
  if (activity.type !== 'invoke') return { status: 200 };
  if (activity.name === 'adaptiveCard/action') return cardInvokeResponse(outcomeUnknownCard());
  if (activity.name?.startsWith('task/')) {
    return dialogMessageResponse(
      'casusbot antwoordde niet op tijd. Probeer het over een minuut opnieuw.',
    );
  }
  return { status: 200 };
}
