// Runs the bot alone: `npm run start:bot` (npm start also starts the local Teams-like client).
import { describeConfig } from '../src/config/config';
import { createLogger } from '../src/logging/logger';
import { startCasusbot } from './casusbot-app';
import { exitOnStartFailure, parseConfigOrExit, stopOnSignals } from './process-lifecycle';

async function main(): Promise<void> {
  const config = parseConfigOrExit(process.env);
  const logger = createLogger(config.logLevel);
  logger.info({ config: describeConfig(config) }, 'starting');
  const app = await startCasusbot(config, logger);
  stopOnSignals(() => app.close(), logger);
}

main().catch(exitOnStartFailure);
