import { ConfigError, parseConfig, type AppConfig } from '../src/config/config';
import type { Logger } from '../src/logging/logger';

/** Parses the configuration, or stops the process with a message naming each bad variable. */
export function parseConfigOrExit(environment: Record<string, string | undefined>): AppConfig {
  try {
    return parseConfig(environment);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`casusbot: ${error.message}\n`);
    return process.exit(1);
  }
}

/** On SIGTERM or SIGINT (once): runs `stop`, then exits 0, or 1 when stopping failed. */
export function stopOnSignals(stop: () => Promise<unknown>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

/**
 * Last resort: a promise rejected without a handler is a bug, but one request's bug must not stop
 * the bot for everyone (Node would exit). It is logged at error level for the operator.
 */
export function logUnhandledRejections(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection');
  });
}

/** For the top of a `main().catch(...)`: the reason, on stderr, and exit 1. */
export function exitOnStartFailure(error: unknown): never {
  process.stderr.write(
    `casusbot: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  return process.exit(1);
}
