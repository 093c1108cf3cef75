import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, type AuthenticateRequestResult } from 'botframework-connector';
import type { BotIdentity } from '../src/config/config';
import type { Logger } from '../src/logging/logger';
import { DeadlineBotFrameworkAuthentication } from './connector-deadline';

/**
 * The CloudAdapter with its two steps apart, so the HTTP edge decides what each failure answers:
 * botbuilder's own authentication of a request (401 when it fails), then the turn.
 */
export class CasusbotAdapter extends CloudAdapter {
  /** botbuilder's check of a request: token, endorsements, and the serviceUrl claim. Throws when it fails. */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** Runs one authenticated turn and returns its invoke response, if any. */
  runTurn(
    authenticated: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}

/**
 * The public-cloud settings botbuilder would choose itself, spelled out so that a test can replace
 * only where the channel's signing keys are published (botbuilder takes all or none).
 */
function publicCloud(openIdMetadataUrl: string | undefined) {
  return {
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl:
      openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * Without an app id the adapter accepts unauthenticated activities and sends without a token: that
 * is what the local Teams-like client speaks. With one, every request needs a valid Bot Framework
 * token. Every call to the Bot Connector is bounded in time.
 */
export function createAdapter(identity: BotIdentity, logger: Logger): CasusbotAdapter {
  const credentials =
    identity.kind === 'azure-bot'
      ? {
          MicrosoftAppId: identity.appId,
          MicrosoftAppPassword: identity.password,
          MicrosoftAppType: identity.appType,
          MicrosoftAppTenantId: identity.tenantId,
        }
      : { MicrosoftAppType: 'MultiTenant' };
  const authentication = new ConfigurationBotFrameworkAuthentication(
    identity.kind === 'azure-bot' ? publicCloud(identity.openIdMetadataUrl) : {},
    new ConfigurationServiceClientCredentialFactory(credentials),
  );
  const adapter = new CasusbotAdapter(new DeadlineBotFrameworkAuthentication(authentication));
  adapter.onTurnError = (context, error) => {
    // Last resort: the dispatcher answers expected failures itself, so this is a bug or a send failure.
    logger.error({ err: error, activityId: context.activity.id }, 'unhandled turn error');
    return Promise.resolve();
  };
  return adapter;
}
