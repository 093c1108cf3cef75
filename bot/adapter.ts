import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import type { BotIdentity } from '../src/config/config';
import type { Logger } from '../src/logging/logger';

/**
 * Without an app id the adapter accepts unauthenticated activities and sends without a token: that
 * is what the local Teams-like client speaks. With one, every request needs a valid Bot Framework token.
 */
export function createAdapter(identity: BotIdentity, logger: Logger): CloudAdapter {
  const credentials =
    identity.kind === 'azure-bot'
      ? {
          MicrosoftAppId: identity.appId,
          MicrosoftAppPassword: identity.password,
          MicrosoftAppType: identity.appType,
          MicrosoftAppTenantId: identity.tenantId,
        }
      : { MicrosoftAppType: 'MultiTenant' };
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication(
      {},
      new ConfigurationServiceClientCredentialFactory(credentials),
    ),
  );
  adapter.onTurnError = (context, error) => {
    // Last resort: the dispatcher answers expected failures itself, so this is a bug or a send failure.
    logger.error({ err: error, activityId: context.activity.id }, 'unhandled turn error');
    return Promise.resolve();
  };
  return adapter;
}
