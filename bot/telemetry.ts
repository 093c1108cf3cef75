import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { format } from 'node:util';
import type * as AzureMonitor from '@azure/monitor-opentelemetry';
import type { Logger } from '../src/logging/logger';
import { PrivacySpanProcessor } from './telemetry-privacy';

type MonitorOptions = AzureMonitor.AzureMonitorOpenTelemetryOptions;

export interface Telemetry {
  readonly enabled: boolean;
  /** Sends what is still buffered; gives up after a few seconds so it never holds up an exit. */
  shutdown(): Promise<void>;
}

const FLUSH_TIMEOUT_MS = 3_000;

/** Request and dependency timings and counts, never content. */
export function monitorOptions(connectionString: string): MonitorOptions {
  return {
    azureMonitorExporterOptions: {
      connectionString,
      // A batch that could not be sent is dropped rather than written to local disk for a retry.
      disableOfflineStorage: true,
    },
    // Every request is kept: volumes are small, and a rate limit would drop the rare failures.
    samplingRatio: 1,
    tracesPerSecond: 0,
    // Live Metrics streams samples of requests, with their details, to a second endpoint.
    enableLiveMetrics: false,
    // Counts, durations, CPU and memory: aggregates without request details.
    enableStandardMetrics: true,
    enablePerformanceCounters: true,
    instrumentationOptions: {
      http: { enabled: true },
      // Spans from inside the Azure SDKs (Cosmos DB, Identity) carry attributes that nobody has
      // checked for content; the HTTP spans already time every call those SDKs make.
      azureSdk: { enabled: false },
      // Not used by the app; off so that nothing is patched for them.
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      // Logs stay on stdout, where the rule that they hold no personal data is tested. These are
      // the distro's only log instrumentations (console is off by default; it is said here too).
      bunyan: { enabled: false },
      winston: { enabled: false },
      console: { enabled: false },
    },
    spanProcessors: [new PrivacySpanProcessor()],
  };
}

/** The parts of the distro's own dependencies that are adjusted below. */
interface DiagnosticsApi {
  diag: {
    setLogger(
      logger: Record<'error' | 'warn' | 'info' | 'debug' | 'verbose', (...args: unknown[]) => void>,
      options: { logLevel: number; suppressOverrideMessage: boolean },
    ): boolean;
  };
  DiagLogLevel: { WARN: number };
}
interface AzureLoggerApi {
  AzureLogger: { log: (...args: unknown[]) => void };
  getLogLevel(): string | undefined;
  setLogLevel(level?: string): void;
}
interface ResourceDetectorsApi {
  azureVmDetector: { detect: () => { attributes: Record<string, never> } };
}

/**
 * The distro always runs the Azure VM detector, which asks the instance metadata service
 * (169.254.169.254) about the machine. The app runs on App Service, whose detector reads the
 * environment instead; on a developer's machine or in CI the probe is a request to a link-local
 * address that nobody answers. It answers "not a VM" without asking.
 */
function skipAzureVmProbe(load: NodeJS.Require): void {
  const { azureVmDetector } = load(
    '@opentelemetry/resource-detector-azure',
  ) as ResourceDetectorsApi;
  azureVmDetector.detect = () => ({ attributes: {} });
}

interface ExporterConfigurationApi {
  ConfigurationManager: { getInstance(): { initialize: (...args: unknown[]) => void } };
}

/**
 * Since exporter 1.0.0-beta.45 (distro 1.20), every exporter starts a poller of Azure Monitor's
 * remote SDK configuration ("OneSettings", https://settings.sdk.monitor.azure.com): first 5–15 s
 * after start, then hourly, so that Microsoft can switch SDK features (SDK stats, offline storage,
 * live metrics) on or off. It has no setting of its own. The app fixes those features in
 * monitorOptions and talks to no one but the operator's Application Insights, so the poller is
 * never started. ConfigurationManager is internal to the exporter (its `_configuration` export
 * offers only a callback), hence the file path; test/bot/telemetry.bot.test.ts sees it work.
 */
function skipRemoteConfiguration(load: NodeJS.Require): void {
  const exporter = dirname(load.resolve('@azure/monitor-opentelemetry-exporter'));
  const { ConfigurationManager } = load(
    join(exporter, '_configuration', 'configurationManager.js'),
  ) as ExporterConfigurationApi;
  ConfigurationManager.getInstance().initialize = () => {};
}

/** What the distro's own console logger drops as not actionable; the same is dropped here. */
const DIAGNOSTIC_NOISE =
  /async attributes (settled|finished)|unsettled resource attribute|before async detection completed|@azure\/core-tracing has been loaded before/i;

/**
 * The distro switches Azure SDK logging on at 'warning' and prints it, like its own diagnostics,
 * with console.log: plain text in the JSON log stream, from SDKs the app had kept quiet. Azure SDK
 * logging goes back to what it was; the distro's diagnostics (export failures and the like) go to
 * the app's logger.
 */
function keepLogsAsTheyWere(logger: Logger, load: NodeJS.Require): () => void {
  const azureLogger = load('@azure/logger') as AzureLoggerApi;
  const { log } = azureLogger.AzureLogger;
  const level = azureLogger.getLogLevel();
  return () => {
    azureLogger.AzureLogger.log = log;
    azureLogger.setLogLevel(level);
    const { diag, DiagLogLevel } = load('@opentelemetry/api') as DiagnosticsApi;
    const to =
      (method: 'error' | 'warn' | 'info' | 'debug' | 'trace') =>
      (...args: unknown[]) => {
        const message = format(...args);
        if (!DIAGNOSTIC_NOISE.test(message)) logger[method]({ source: 'opentelemetry' }, message);
      };
    diag.setLogger(
      {
        error: to('error'),
        warn: to('warn'),
        info: to('info'),
        debug: to('debug'),
        verbose: to('trace'),
      },
      { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
    );
  };
}

const off: Telemetry = { enabled: false, shutdown: () => Promise.resolve() };

/**
 * Exports requests and dependencies to Application Insights when a connection string is set. It
 * must run before express, botbuilder and the HTTP clients are required: instrumentation patches
 * modules as they load. Without a connection string the SDK is not even loaded.
 */
export function startTelemetry(connectionString: string | undefined, logger: Logger): Telemetry {
  if (connectionString === undefined) return off;
  // Statsbeat reports the SDK's own usage to a Microsoft endpoint outside the operator's
  // Application Insights. The operator needs none of it, and the app talks to no one it need not.
  process.env.APPLICATION_INSIGHTS_NO_STATSBEAT = 'true';
  const fromDistro = createRequire(require.resolve('@azure/monitor-opentelemetry'));
  skipAzureVmProbe(fromDistro);
  skipRemoteConfiguration(fromDistro);
  const restoreLogs = keepLogsAsTheyWere(logger, fromDistro);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when switched on
  const monitor = require('@azure/monitor-opentelemetry') as typeof AzureMonitor;
  monitor.useAzureMonitor(monitorOptions(connectionString));
  restoreLogs();
  logger.info('telemetry exporting to Application Insights');
  return {
    enabled: true,
    async shutdown() {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timed out'>((resolve) => {
        timer = setTimeout(() => resolve('timed out'), FLUSH_TIMEOUT_MS);
      });
      try {
        const flushed = Promise.resolve(monitor.shutdownAzureMonitor()).then(() => 'flushed');
        if ((await Promise.race([flushed, timedOut])) === 'timed out')
          logger.warn({ timeoutMs: FLUSH_TIMEOUT_MS }, 'telemetry flush timed out');
      } catch (error) {
        logger.warn({ err: error }, 'telemetry flush failed');
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
