import type { AccessLog } from '../src/app/casus/access-log';
import type { Logger } from '../src/logging/logger';

/**
 * Searches go to the app's log (Log Analytics in Azure) as one structured line each: who searched,
 * how, and which casussen it showed; never what was typed. The event name is stable so a later
 * inzage-register can be filled from these lines or replace this sink. They are an account of
 * reads of personal data, not diagnostics: a quieter LOG_LEVEL (warn, error) must not drop them, so
 * they are written at info whatever the operational level (only `silent` silences them too).
 */
export function searchLog(logger: Logger): AccessLog {
  const account = logger.child({}, { level: logger.level === 'silent' ? 'silent' : 'info' });
  return {
    searched(entry) {
      account.info({ event: 'personal-data-search', ...entry }, 'personal data search');
    },
  };
}
