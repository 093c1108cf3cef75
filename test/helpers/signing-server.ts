import { createAdapter } from '../../bot/adapter';
import { CasusBot } from '../../bot/casus-bot';
import { startHttpServer, type RunningHttpServer } from '../../bot/http/http-server';
import { PersonalChats } from '../../bot/personal-chats';
import { Dispatcher } from '../../bot/routing/dispatcher';
import type { Services } from '../../bot/routing/route-types';
import type { SigningService } from '../../src/app/invitation/signing';
import type { ConversationDirectory } from '../../src/app/notifications/conversation-directory';
import { createLogger } from '../../src/logging/logger';

/**
 * The bot's real HTTP app (routes, headers, error handling) with a signing service injected, on a
 * loopback port. These tests post no activity: the bot behind /api/messages has no routes and no
 * services, and would fail loudly if one reached it.
 */
export async function startSigningServer(
  signing: SigningService,
  logLines?: string[],
): Promise<RunningHttpServer> {
  const logger = createLogger(
    logLines ? 'info' : 'silent',
    logLines && { write: (line: string) => void logLines.push(line) },
  );
  const unused = {} as Services & ConversationDirectory;
  const bot = new CasusBot(
    new Dispatcher({ commands: [], verbs: [] }, unused),
    new PersonalChats(unused),
    logger,
  );
  return startHttpServer(
    {
      adapter: createAdapter({ kind: 'anonymous' }, logger),
      bot,
      isStoreHealthy: () => Promise.resolve(true),
      logger,
      signing,
    },
    { port: 0, host: '127.0.0.1' },
  );
}
