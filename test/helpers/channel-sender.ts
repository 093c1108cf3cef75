import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  MessageFactory,
} from 'botbuilder';
import {
  ConnectorFactory,
  type ClaimsIdentity,
  type ConnectorClient,
} from 'botframework-connector';
import { DeadlineBotFrameworkAuthentication } from '../../bot/connector-deadline';

/** The core-client pipeline inside a ConnectorClient: private in its types, public at run time. */
interface WithPipeline {
  client?: { pipeline?: { removePolicy(options: { phase: 'Retry' }): PipelinePolicy[] } };
}

/**
 * Hands out connector clients without the SDK's own retry policy (@azure/core-rest-pipeline's
 * defaultRetryPolicy: three more attempts on 429 with Retry-After, 5xx, 408 and lost connections),
 * so that each call is one request and the limiter sees every request Teams counts.
 */
class SingleAttemptConnectorFactory extends ConnectorFactory {
  constructor(private readonly inner: ConnectorFactory) {
    super();
  }

  async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const client = await this.inner.create(serviceUrl, audience);
    const removed = (client as unknown as WithPipeline).client?.pipeline?.removePolicy({
      phase: 'Retry',
    });
    if (removed?.map((policy) => policy.name).join() !== 'defaultRetryPolicy')
      throw new Error(`Expected to remove the default retry policy, removed ${removed?.length}`);
    return client;
  }
}

class SingleAttemptAuthentication extends DeadlineBotFrameworkAuthentication {
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new SingleAttemptConnectorFactory(super.createConnectorFactory(claimsIdentity));
  }
}

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
  return new CloudAdapter(new SingleAttemptAuthentication(anonymousAuthentication(), timeoutMs));
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
