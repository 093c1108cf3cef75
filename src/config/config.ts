import { envSchema, type Env } from './environment';
import {
  isLoopbackUrl,
  signingConfigOf,
  signingKeyProblems,
  type SigningKeysConfig,
  type TeamsSsoConfig,
} from './signing-config';

/** A key, or Entra ID: a user-assigned managed identity by client id, else the developer's login. */
export type CosmosAuth =
  { kind: 'key'; key: string } | { kind: 'entra'; clientId: string | undefined };

export type StoreConfig =
  | { kind: 'cosmos'; endpoint: string; auth: CosmosAuth; database: string }
  | { kind: 'embedded'; dataDir: string; port: number; database: string; startAfresh?: boolean };

export type BotIdentity =
  | { kind: 'anonymous' }
  | {
      kind: 'azure-bot';
      appId: string;
      appType: Env['MICROSOFT_APP_TYPE'];
      password: string | undefined;
      tenantId: string | undefined;
      /** Where the keys that sign the Bot Framework's tokens are published; set by tests only. */
      openIdMetadataUrl: string | undefined;
    };

export interface AppConfig {
  port: number;
  host: string;
  logLevel: Env['LOG_LEVEL'];
  demoMode: boolean;
  publicBaseUrl: string | undefined;
  store: StoreConfig;
  registrySeedFile: string | undefined;
  bot: BotIdentity;
  shutdownTimeoutMs: number;
  outboxSweepIntervalMs: number;
  outboxMaxAttempts: number;
  /** The registry in memory: reloaded every `refreshMs`, never used older than `maxAgeMs`. */
  registryCache: { refreshMs: number; maxAgeMs: number };
  /** How long a personal chat's reference read from the store is used before reading it again. */
  conversationCacheMs: number;
  /** This instance's share of Teams' per-tenant limit, for channel posts. */
  channelSendLimits: { global: { limit: number; windowMs: number }[] };
  /** Application Insights export is on only when a connection string is configured. */
  telemetryConnectionString: string | undefined;
  signingKeys: SigningKeysConfig;
  /** Absent locally unless configured: signing then goes by the link alone. */
  teamsSso: TeamsSsoConfig | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const DEMO_SEED_FILE = 'seed/registry.demo.json';

/** Parses the environment; throws a ConfigError naming each bad variable, never its value. */
export function parseConfig(environment: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(environment);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  const problems = crossFieldProblems(env);
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    demoMode: env.DEMO_MODE,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    store: env.COSMOS_ENDPOINT
      ? {
          kind: 'cosmos',
          endpoint: env.COSMOS_ENDPOINT,
          auth: env.COSMOS_KEY
            ? { kind: 'key', key: env.COSMOS_KEY }
            : { kind: 'entra', clientId: env.COSMOS_IDENTITY_CLIENT_ID },
          database: env.COSMOS_DATABASE,
        }
      : {
          kind: 'embedded',
          dataDir: env.EMBEDDED_COSMOS_DATA_DIR,
          port: env.EMBEDDED_COSMOS_PORT,
          database: env.COSMOS_DATABASE,
          startAfresh: env.EMBEDDED_COSMOS_START_AFRESH,
        },
    registrySeedFile: env.REGISTRY_SEED_FILE ?? (env.DEMO_MODE ? DEMO_SEED_FILE : undefined),
    bot: env.MICROSOFT_APP_ID
      ? {
          kind: 'azure-bot',
          appId: env.MICROSOFT_APP_ID,
          appType: env.MICROSOFT_APP_TYPE,
          password: env.MICROSOFT_APP_PASSWORD,
          tenantId: env.MICROSOFT_APP_TENANT_ID,
          openIdMetadataUrl: env.BOT_OPENID_METADATA_URL,
        }
      : { kind: 'anonymous' },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    outboxSweepIntervalMs: env.OUTBOX_SWEEP_INTERVAL_MS,
    outboxMaxAttempts: env.OUTBOX_MAX_ATTEMPTS,
    registryCache: { refreshMs: env.REGISTRY_REFRESH_MS, maxAgeMs: env.REGISTRY_MAX_AGE_MS },
    conversationCacheMs: env.CONVERSATION_CACHE_MS,
    channelSendLimits: { global: [{ limit: env.CHANNEL_TENANT_SENDS_PER_SECOND, windowMs: 1000 }] },
    telemetryConnectionString: env.APPLICATIONINSIGHTS_CONNECTION_STRING,
    ...signingConfigOf(env),
  };
}

function crossFieldProblems(env: Env): string[] {
  const problems: string[] = signingKeyProblems(env);
  for (const name of ['COSMOS_KEY', 'COSMOS_IDENTITY_CLIENT_ID'] as const) {
    if (env[name] && !env.COSMOS_ENDPOINT) {
      problems.push(`COSMOS_ENDPOINT: required when ${name} is set`);
    }
  }
  if (env.COSMOS_KEY && env.COSMOS_IDENTITY_CLIENT_ID) {
    problems.push(
      'COSMOS_IDENTITY_CLIENT_ID: a managed identity is not used when COSMOS_KEY is set',
    );
  }
  // The SDK sends Entra tokens over https only, and would fail only at the first request.
  if (env.COSMOS_ENDPOINT?.startsWith('http:') && !env.COSMOS_KEY) {
    problems.push('COSMOS_ENDPOINT: Entra ID needs an https endpoint (or set COSMOS_KEY)');
  }
  if (env.MICROSOFT_APP_ID) {
    if (env.DEMO_MODE) {
      problems.push('DEMO_MODE: demo mode is only allowed without MICROSOFT_APP_ID');
    }
    if (env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !env.MICROSOFT_APP_PASSWORD) {
      problems.push(
        `MICROSOFT_APP_PASSWORD: required for MICROSOFT_APP_TYPE=${env.MICROSOFT_APP_TYPE}`,
      );
    }
    if (env.MICROSOFT_APP_TYPE !== 'MultiTenant' && !env.MICROSOFT_APP_TENANT_ID) {
      problems.push(
        `MICROSOFT_APP_TENANT_ID: required for MICROSOFT_APP_TYPE=${env.MICROSOFT_APP_TYPE}`,
      );
    }
    // Whoever publishes these keys can sign any request: only a test's own issuer on loopback.
    if (env.BOT_OPENID_METADATA_URL && !isLoopbackUrl(env.BOT_OPENID_METADATA_URL)) {
      problems.push('BOT_OPENID_METADATA_URL: only a loopback address (a local test issuer)');
    }
  } else {
    for (const name of [
      'MICROSOFT_APP_PASSWORD',
      'MICROSOFT_APP_TENANT_ID',
      'BOT_OPENID_METADATA_URL',
    ] as const) {
      if (env[name]) problems.push(`${name}: set without MICROSOFT_APP_ID`);
    }
  }
  return problems;
}

/** A loggable summary with every secret left out. */
export function describeConfig(config: AppConfig): Record<string, unknown> {
  return {
    port: config.port,
    host: config.host,
    logLevel: config.logLevel,
    demoMode: config.demoMode,
    publicBaseUrl: config.publicBaseUrl,
    store:
      config.store.kind === 'cosmos'
        ? {
            kind: 'cosmos',
            endpoint: config.store.endpoint,
            database: config.store.database,
            auth:
              config.store.auth.kind === 'key'
                ? 'key'
                : `entra (${config.store.auth.clientId ?? 'developer login'})`,
          }
        : config.store,
    registrySeedFile: config.registrySeedFile,
    bot:
      config.bot.kind === 'azure-bot'
        ? {
            kind: 'azure-bot',
            appId: config.bot.appId,
            appType: config.bot.appType,
            tenantId: config.bot.tenantId,
            openIdMetadataUrl: config.bot.openIdMetadataUrl,
          }
        : config.bot,
    telemetry: config.telemetryConnectionString ? 'Application Insights' : 'off',
    signingKeys: {
      linkTokenSecret: config.signingKeys.linkTokenSecret ? 'configured' : 'local (in the store)',
      evidenceSigningKey: config.signingKeys.evidenceSigningKey
        ? 'configured'
        : 'local (in the store)',
    },
    teamsSso: config.teamsSso ?? 'off',
  };
}
