import type { InvokeResponse } from 'botbuilder';
import type { AdaptiveCardJson } from './cards/card-template';

/** Universal Actions: the card that replaces the one whose button was pressed. */
export function cardInvokeResponse(card: AdaptiveCardJson): InvokeResponse {
  return {
    status: 200,
    body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
  };
}

/** A dialog (task module) request answered with a short message Teams shows in place of a dialog. */
export function dialogMessageResponse(text: string): InvokeResponse {
  return { status: 200, body: { task: { type: 'message', value: text } } };
}

/** An invoke the bot does not know: a clear refusal instead of botbuilder's 501. */
export function unsupportedInvokeResponse(): InvokeResponse {
  return {
    status: 400,
    body: { error: { code: 'NotSupported', message: 'casusbot ondersteunt deze actie niet.' } },
  };
}
