import type { InvokeResponse } from 'botbuilder';
import type { AdaptiveCardJson } from './cards/card-template';

/** Universal Actions: the card that replaces the one whose button was pressed. */
export function cardInvokeResponse(card: AdaptiveCardJson): InvokeResponse {
  return {
    status: 200,
    body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
  };
}

/**
 * Universal Actions: a short message Teams shows the presser only, and the card whose button was
 * pressed stays as it is.
 */
export function messageInvokeResponse(text: string): InvokeResponse {
  return {
    status: 200,
    body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
  };
}

/** A dialog (task module) request answered with a short message Teams shows in place of a dialog. */
export function dialogMessageResponse(text: string): InvokeResponse {
  return { status: 200, body: { task: { type: 'message', value: text } } };
}

/** What a URL dialog (task module) opens: a page of the bot's own host (manifest `validDomains`). */
export interface UrlDialog {
  url: string;
  fallbackUrl: string;
  title: string;
  height: 'small' | 'medium' | 'large' | number;
  width: 'small' | 'medium' | 'large' | number;
}

/** A dialog request answered with a URL dialog, which Teams opens in an iframe. */
export function dialogUrlResponse(dialog: UrlDialog): InvokeResponse {
  return { status: 200, body: { task: { type: 'continue', value: dialog } } };
}

/** An invoke the bot does not know: a clear refusal instead of botbuilder's 501. */
export function unsupportedInvokeResponse(): InvokeResponse {
  return {
    status: 400,
    body: { error: { code: 'NotSupported', message: 'casusbot ondersteunt deze actie niet.' } },
  };
}
