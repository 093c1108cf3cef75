import type { AccessLog } from '../src/app/casus/access-log';
import type { Logger } from '../src/logging/logger';

/**
 * Searches go to the app's log (Log Analytics in Azure) as one structured line each: who searched,
 * how, and which casussen it showed; never what was typed. The event name is stable so a later
 * inzage-register can be filled from these lines or replace this sink.
 */
export function searchLog(logger: Logger): AccessLog {
  return {
    searched(entry) {
      logger.info({ event: 'personal-data-search', ...entry }, 'personal data search');
    },
  };
}
