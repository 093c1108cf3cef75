import { z } from 'zod';

const bool = z.stringbool({ truthy: ['true', '1', 'yes'], falsy: ['false', '0', 'no'] });
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** Every environment variable the app reads, and nothing else: the infra drift test relies on it. */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_MODE: bool.default(false),
  PUBLIC_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  COSMOS_ENDPOINT: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  COSMOS_KEY: optionalText,
  COSMOS_IDENTITY_CLIENT_ID: optionalText.pipe(z.guid().optional()),
  COSMOS_DATABASE: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,255}$/, 'letters, digits and hyphens only')
    .default('casusbot'),
  EMBEDDED_COSMOS_DATA_DIR: z.string().trim().min(1).default('.data/cosmos'),
  EMBEDDED_COSMOS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Accept an empty journal in a data folder that held data before (an operator's decision). */
  EMBEDDED_COSMOS_START_AFRESH: bool.default(false),
  REGISTRY_SEED_FILE: optionalText,
  MICROSOFT_APP_ID: optionalText.pipe(z.guid().optional()),
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TYPE: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
    .default('SingleTenant'),
  MICROSOFT_APP_TENANT_ID: optionalText.pipe(z.guid().optional()),
  /** Tests only: where a local token issuer publishes its keys, instead of the Bot Framework's. */
  BOT_OPENID_METADATA_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** How often the outbox sweep looks for notifications a crash or a failure left behind. */
  OUTBOX_SWEEP_INTERVAL_MS: z.coerce.number().int().min(500).max(3_600_000).default(30_000),
  /** How often each instance reloads the registry it serves from memory. */
  REGISTRY_REFRESH_MS: z.coerce.number().int().min(100).max(60_000).default(20_000),
  /**
   * The oldest registry snapshot a turn may use: a change (a person removed) takes effect on every
   * instance within this bound. A turn that finds the snapshot older waits for a fresh one.
   */
  REGISTRY_MAX_AGE_MS: z.coerce.number().int().min(200).max(60_000).default(60_000),
  /** How long an instance uses a personal chat's reference it read before reading it again. */
  CONVERSATION_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(60_000),
  /** Deliveries that may fail for now (throttled, unavailable) before a notification is given up. */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(2).max(1000).default(30),
  /**
   * Channel posts per second this instance may send in all (Teams allows 50 per app per tenant):
   * with several instances, give each its share (50 divided by the instances).
   */
  CHANNEL_TENANT_SENDS_PER_SECOND: z.coerce.number().int().min(1).max(50).default(50),
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText.pipe(
    z.string().includes('InstrumentationKey=').optional(),
  ),
  /** Signs the links of the invitation flow (secret; base64, at least 32 bytes). */
  LINK_TOKEN_SECRET: optionalText,
  /** Signs the evidence of every signed declaration: a private ES256 (P-256) JWK (secret). */
  EVIDENCE_SIGNING_KEY: optionalText,
  /** The app registration in the manifest's `webApplicationInfo.id`: the audience of Teams SSO tokens. */
  TEAMS_SSO_APP_ID: optionalText.pipe(z.guid().optional()),
  /** The manifest's `webApplicationInfo.resource`; by default `api://<public host>/<TEAMS_SSO_APP_ID>`. */
  TEAMS_SSO_RESOURCE: optionalText.pipe(z.string().startsWith('api://').max(400).optional()),
  /** The only tenant whose users may sign with Teams SSO; by default MICROSOFT_APP_TENANT_ID. */
  TEAMS_SSO_TENANT_ID: optionalText.pipe(z.guid().optional()),
  /** Tests only: a local issuer's OpenID metadata instead of Entra's; loopback addresses only. */
  TEAMS_SSO_OPENID_METADATA_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
});

export type Env = z.infer<typeof envSchema>;

/**
 * Who sets each variable in Azure: the Bicep app settings (`infra/`), App Service itself, or
 * nobody because it only makes sense on a developer's machine. A record over the schema's keys,
 * so a new variable does not compile until it is placed; the infra drift test checks the Bicep.
 */
export const variableSources = {
  PORT: 'platform',
  HOST: 'bicep',
  LOG_LEVEL: 'bicep',
  DEMO_MODE: 'local',
  PUBLIC_BASE_URL: 'bicep',
  COSMOS_ENDPOINT: 'bicep',
  COSMOS_KEY: 'bicep',
  COSMOS_IDENTITY_CLIENT_ID: 'bicep',
  COSMOS_DATABASE: 'bicep',
  EMBEDDED_COSMOS_DATA_DIR: 'local',
  EMBEDDED_COSMOS_PORT: 'local',
  EMBEDDED_COSMOS_START_AFRESH: 'local',
  REGISTRY_SEED_FILE: 'local',
  MICROSOFT_APP_ID: 'bicep',
  MICROSOFT_APP_PASSWORD: 'bicep',
  MICROSOFT_APP_TYPE: 'bicep',
  MICROSOFT_APP_TENANT_ID: 'bicep',
  BOT_OPENID_METADATA_URL: 'local',
  SHUTDOWN_TIMEOUT_MS: 'bicep',
  OUTBOX_SWEEP_INTERVAL_MS: 'local',
  OUTBOX_MAX_ATTEMPTS: 'local',
  REGISTRY_REFRESH_MS: 'local',
  REGISTRY_MAX_AGE_MS: 'local',
  CONVERSATION_CACHE_MS: 'local',
  CHANNEL_TENANT_SENDS_PER_SECOND: 'local',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'bicep',
  LINK_TOKEN_SECRET: 'bicep',
  EVIDENCE_SIGNING_KEY: 'bicep',
  TEAMS_SSO_APP_ID: 'bicep',
  TEAMS_SSO_RESOURCE: 'bicep',
  TEAMS_SSO_TENANT_ID: 'bicep',
  TEAMS_SSO_OPENID_METADATA_URL: 'local',
} as const satisfies Record<keyof Env, 'bicep' | 'platform' | 'local'>;
