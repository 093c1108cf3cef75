import type { FakeTokenIssuer } from './fake-token-issuer';
import { signingEnv } from './signing-env';

/** The Entra tenant and Azure Bot app id of a bot configured as in Azure. */
export const productionTenant = '3f9e6c1a-7b2d-4c8e-9f0a-1b2c3d4e5f60';
export const productionAppId = '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5';

/**
 * The settings of a bot as in Azure (an app id, single tenant, the demo registry as its seed),
 * trusting only the local issuer's keys. The caller adds where it listens and stores.
 */
export const productionEnv = (issuer: FakeTokenIssuer): Record<string, string> => ({
  DEMO_MODE: 'false',
  REGISTRY_SEED_FILE: 'seed/registry.demo.json',
  MICROSOFT_APP_ID: productionAppId,
  MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
  MICROSOFT_APP_TYPE: 'SingleTenant',
  MICROSOFT_APP_TENANT_ID: productionTenant,
  BOT_OPENID_METADATA_URL: issuer.metadataUrl,
  ...signingEnv(),
});

/** An activity as Teams sends it from this tenant: in its conversation and its channel data. */
export function inTenant<T extends { conversation: object; channelData?: object }>(
  activity: T,
  tenantId: string,
): T {
  return {
    ...activity,
    conversation: { ...activity.conversation, tenantId },
    channelData: { ...activity.channelData, tenant: { id: tenantId } },
  };
}
