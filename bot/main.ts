// Runs the bot alone: `npm run start:bot` (npm start also starts the local Teams-like client).
import { describeConfig } from '../src/config/config';
import { createLogger } from '../src/logging/logger';
import type * as CasusbotApp from './casusbot-app';
import {
  exitOnStartFailure,
  logUnhandledRejections,
  parseConfigOrExit,
  stopOnSignals,
} from './process-lifecycle';
import { startTelemetry } from './telemetry';

async function main(): Promise<void> {
  const config = parseConfigOrExit(process.env);
  const logger = createLogger(config.logLevel);
  logger.info({ config: describeConfig(config) }, 'starting');
  logUnhandledRejections(logger);
  const telemetry = startTelemetry(config.telemetryConnectionString, logger);
  // Only now: instrumentation patches express, http and the rest as they are required, and a
  // module loaded before telemetry started would never be traced.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  const { startCasusbot } = require('./casusbot-app') as typeof CasusbotApp;
  const started = startCasusbot(config, logger).catch(async (error: unknown) => {
    // Flush what was recorded (the failing Cosmos calls, say): why the app could not start is
    // what an operator needs most.
    await telemetry.shutdown();
    throw error;
  });
  // Listening is logged from inside the start, so a SIGTERM can come before it returns: the
  // handler is in place from the start and waits for it, instead of the default of dying at once.
  stopOnSignals(async () => {
    try {
      await (await started).close();
    } finally {
      await telemetry.shutdown();
    }
  }, logger);
  await started;
}

main().catch(exitOnStartFailure);
