import type { AppConfig } from '../src/config/config';
import type { Logger } from '../src/logging/logger';
import { randomUUID } from 'node:crypto';
import { EvidenceLinks } from '../src/app/invitation/evidence-links';
import { sentSigningLink, type SigningLinks } from '../src/app/invitation/signing-link';
import { CachedChannelLinks } from '../src/app/channel/cached-channel-links';
import { CachedConversationDirectory } from '../src/app/notifications/cached-conversation-directory';
import { CachedRegistry } from '../src/app/registry/cached-registry';
import { CosmosCasusNumberSequence } from '../src/storage/cosmos-casus-number.sequence';
import { CosmosCasusRepository } from '../src/storage/cosmos-casus.repository';
import { SendRateLimiter } from '../src/app/notifications/send-rate-limiter';
import { CosmosChannelLinks } from '../src/storage/cosmos-channel-links';
import { CosmosConversationDirectory } from '../src/storage/cosmos-conversation.directory';
import { CosmosRegistryRepository } from '../src/storage/cosmos-registry.repository';
import { readRegistrySeed } from '../src/storage/registry-seed-file';
import { openStore } from '../src/storage/store';
import { loadSearchKey } from '../src/storage/cosmos-search-key';
import { betrokkeneKeyer, bsnKeyer } from '../src/app/casus/betrokkene-key';
import { CosmosAccessLog } from '../src/storage/cosmos-access-log';
import { DownloadLinks } from '../src/app/links/download-links';
import { downloadProviders } from './downloads/download-providers';
import { createAdapter } from './adapter';
import { CasusBot } from './casus-bot';
import { SigningDialog } from './dialogs/signing-dialog';
import { wireInvitationSigning } from './invitation-signing';
import { CardPoster } from './notifications/card-poster';
import { CasusNotifier } from './notifications/casus-notifier';
import { ChannelLifecycle } from './notifications/channel-lifecycle';
import { BotTokenVerifier } from './http/bot-token';
import { startHttpServer } from './http/http-server';
import { PersonalChats } from './personal-chats';
import { ChannelCommands } from './routing/channel-commands';
import { ChannelVerbs } from './routing/channel-verbs';
import { Dispatcher } from './routing/dispatcher';
import { routeTable } from './routing/route-table';

export interface RunningCasusbot {
  url: string;
  close(): Promise<void>;
}

/** The composition root: wires store, registry, routes and the Teams adapter, and starts listening. */
export async function startCasusbot(config: AppConfig, logger: Logger): Promise<RunningCasusbot> {
  const store = await openStore(config.store);
  logger.info({ store: store.description }, 'store ready');
  try {
    const stored = new CosmosRegistryRepository(store.containers.registry);
    if (config.registrySeedFile) {
      const seeded = await stored.seedOnce(await readRegistrySeed(config.registrySeedFile));
      logger.info(
        { file: config.registrySeedFile, seeded },
        seeded ? 'registry seeded' : 'registry was seeded before',
      );
    }
    const registry = new CachedRegistry(stored, {
      ...config.registryCache,
      clock: () => Date.now(),
      onRefreshFailed: (error) => logger.warn({ err: error }, 'registry not reloaded; next try'),
    });
    await registry.start();
    const casussen = new CosmosCasusRepository(
      store.containers.casussen,
      store.containers.counters,
    );
    const conversations = new CachedConversationDirectory(
      new CosmosConversationDirectory(store.containers.conversations),
      { ttlMs: config.conversationCacheMs, maxEntries: 10_000, clock: () => Date.now() },
    );
    const accessLog = new CosmosAccessLog(store.containers['access-log']);
    const adapter = createAdapter(config.bot, logger);
    const now = () => new Date();
    const signing = await wireInvitationSigning(
      config,
      { counters: store.containers.counters, casussen },
      { now, newId: () => randomUUID() },
    );
    // Pages' addresses are known once the server listens (port 0 in tests), after the bot exists.
    let baseUrl = config.publicBaseUrl ?? '';
    const links = new EvidenceLinks(
      signing.tokens,
      () => baseUrl,
      () => randomUUID(),
    );
    const downloads = new DownloadLinks(
      signing.linkSecret,
      now,
      () => baseUrl,
      () => randomUUID(),
    );
    const signingLinks: SigningLinks = (invitation) =>
      sentSigningLink(signing.tokens, baseUrl, invitation, () => randomUUID());
    const appId = config.bot.kind === 'azure-bot' ? config.bot.appId : '';
    const channelLinks = new CachedChannelLinks(
      new CosmosChannelLinks(store.containers.conversations),
      { ttlMs: config.conversationCacheMs, clock: () => Date.now() },
    );
    const poster = new CardPoster({ adapter, appId, logger });
    const channels = new ChannelLifecycle({
      channelLinks,
      registry,
      conversations,
      poster,
      logger,
    });
    const notifier = new CasusNotifier({
      adapter,
      instanceId: randomUUID(),
      appId,
      conversations,
      casussen,
      registry,
      signingLinks,
      maxAttempts: config.outboxMaxAttempts,
      channelLinks,
      lifecycle: channels,
      limiter: new SendRateLimiter(config.channelSendLimits),
      accessLog,
      now,
      newId: () => randomUUID(),
      logger,
    });
    const searchKey = await loadSearchKey(store.containers.counters);
    const dispatcher = new Dispatcher(
      routeTable,
      {
        registry,
        casussen,
        numbers: new CosmosCasusNumberSequence(store.containers.counters),
        betrokkeneKey: betrokkeneKeyer(searchKey),
        bsnKey: bsnKeyer(searchKey),
        accessLog,
        notifications: notifier,
        participants: { links, conversations, signingLinks },
        downloads,
        demoMode: config.demoMode,
        now,
        newId: () => randomUUID(),
      },
      {
        commands: new ChannelCommands({ registry, channelLinks, now, demoMode: config.demoMode }),
        verbs: new ChannelVerbs({
          registry,
          casussen,
          conversations,
          poster,
          accessLog,
          downloads,
          demoMode: config.demoMode,
          now,
          newId: () => randomUUID(),
        }),
      },
    );
    const signingDialog = new SigningDialog({
      casussen,
      tokens: signing.tokens,
      baseUrl: () => baseUrl,
      newId: () => randomUUID(),
    });
    const bot = new CasusBot(
      dispatcher,
      new PersonalChats(conversations),
      logger,
      signingDialog,
      channels,
    );
    const http = await startHttpServer(
      {
        adapter,
        bot,
        isStoreHealthy: () => store.isHealthy(),
        logger,
        tokens:
          config.bot.kind === 'azure-bot'
            ? new BotTokenVerifier(config.bot.appId, config.bot.openIdMetadataUrl)
            : undefined,
        allowedTenantId: config.bot.kind === 'azure-bot' ? config.bot.tenantId : undefined,
        signing: signing.service,
        downloads: {
          links: downloads,
          registry,
          accessLog,
          providers: downloadProviders({ casussen, registry, accessLog, now }),
          now,
          newId: () => randomUUID(),
          logger,
        },
        evidence: {
          casussen,
          registry,
          tokens: signing.tokens,
          accessLog,
          now,
          newId: () => randomUUID(),
          logger,
        },
      },
      { port: config.port, host: config.host },
    );
    baseUrl ||= http.url;
    // What a crash or a failed send left in an outbox is sent by the sweep, at start and periodically.
    const sweep = setInterval(() => void notifier.sweep(), config.outboxSweepIntervalMs);
    sweep.unref();
    void notifier.sweep();
    logger.info({ url: `${http.url}/api/messages`, demoMode: config.demoMode }, 'bot listening');
    return {
      url: http.url,
      async close() {
        clearInterval(sweep);
        registry.stop();
        await http.close(config.shutdownTimeoutMs);
        await notifier.settle();
        await store.close();
        logger.info('stopped');
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
