import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  MessageFactory,
} from 'botbuilder';
import { DeadlineBotFrameworkAuthentication } from '../../bot/connector-deadline';

function anonymousAuthentication(): ConfigurationBotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication(
    {},
    new ConfigurationServiceClientCredentialFactory({ MicrosoftAppType: 'MultiTenant' }),
  );
}

/**
 * An anonymous CloudAdapter as the bot's (bot/adapter.ts), each connector call bounded by
 * `timeoutMs`, and one request per call.
 */
export function singleAttemptAdapter(timeoutMs: number): CloudAdapter {
  // The bot's own authentication: it drops the SDK's retries and bounds each request.
  return new CloudAdapter(
    new DeadlineBotFrameworkAuthentication(anonymousAuthentication(), timeoutMs),
  );
}

/** botbuilder's CloudAdapter as it comes, without the bot's deadline: its own retries on. */
export function stockAdapter(): CloudAdapter {
  return new CloudAdapter(anonymousAuthentication());
}

/**
 * Posts a text into a conversation proactively, as a channel poster would: the activity id, or
 * the connector's error thrown as botbuilder throws it.
 */
export function sendText(
  adapter: CloudAdapter,
  serviceUrl: string,
  conversationId: string,
  text: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    // The error is caught inside the turn, or the adapter's onTurnError would take it.
    adapter
      .continueConversationAsync(
        '',
        {
          serviceUrl,
          channelId: 'msteams',
          conversation: {
            id: conversationId,
            isGroup: true,
            conversationType: 'channel',
            name: '',
          },
        },
        async (context) => {
          try {
            resolve((await context.sendActivity(MessageFactory.text(text)))?.id ?? '');
          } catch (error) {
            // botbuilder throws the connector's RestError, an Error; anything else is wrapped.
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        },
      )
      .then(() => reject(new Error('the proactive turn ended without a send')), reject);
  });
}
