import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import {
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';

/**
 * How long one request to the Bot Connector may take. botbuilder sets no limit: one connector
 * that never answers held a turn for minutes and stopped every later delivery.
 */
export const CONNECTOR_CALL_TIMEOUT_MS = 4000;

/** A pipeline policy that bounds each request with an abort signal. */
function deadlinePolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: 'casusbot-connector-deadline',
    sendRequest(request, next) {
      const deadline = AbortSignal.timeout(timeoutMs);
      // The pipeline's signal type is a structural subset; botbuilder never sets one here.
      const given = request.abortSignal as AbortSignal | undefined;
      request.abortSignal = given ? AbortSignal.any([given, deadline]) : deadline;
      return next(request);
    },
  };
}

/** The core-client pipeline inside a ConnectorClient: private in its types, public at run time. */
interface WithPipeline {
  client?: {
    pipeline?: {
      addPolicy(policy: PipelinePolicy): void;
      removePolicy(options: { phase: 'Retry' }): PipelinePolicy[];
    };
  };
}

class DeadlineConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const client = await this.inner.create(serviceUrl, audience);
    const pipeline = (client as unknown as WithPipeline).client?.pipeline;
    // Fail loudly on an SDK upgrade that moves the pipeline, rather than send without a limit.
    if (!pipeline) throw new Error('ConnectorClient has no pipeline to bound');
    // The client's own retries (3 more requests on 429 with Retry-After, 5xx, time-outs) would
    // each pass the channels' rate limiter unseen, and wait out a Retry-After with no upper
    // bound: our callers retry, paced and bounded, and every request is one request.
    const removed = pipeline.removePolicy({ phase: 'Retry' });
    if (removed.length !== 1 || removed[0]?.name !== 'defaultRetryPolicy') {
      throw new Error(`Unexpected retry policies: ${removed.map((p) => p.name).join(', ')}`);
    }
    pipeline.addPolicy(deadlinePolicy(this.timeoutMs));
    return client;
  }
}

/**
 * botbuilder's authentication with every connector it hands out bounded in time: the ones for
 * replies in a turn and the ones for proactive messages alike.
 */
export class DeadlineBotFrameworkAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly timeoutMs = CONNECTOR_CALL_TIMEOUT_MS,
  ) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string) {
    return this.bounded(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string) {
    return this.bounded(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new DeadlineConnectorFactory(
      this.inner.createConnectorFactory(claimsIdentity),
      this.timeoutMs,
    );
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity) {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient() {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience() {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string) {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private bounded(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const { connectorFactory } = result;
    return connectorFactory
      ? {
          ...result,
          connectorFactory: new DeadlineConnectorFactory(connectorFactory, this.timeoutMs),
        }
      : result;
  }
}
