import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { CosmosClient, type Container } from '@azure/cosmos';
import { EMBEDDED_COSMOS_KEY } from '../../src/storage/embedded/embedded-cosmos';
import { startAppProcess, type AppProcess } from './app-process';
import { openBrowser, type HeadlessBrowser } from './browser';
import { freePort } from './local-start';
import { screenshots } from './teams-client';
import { tempDir } from './temp-dir';

/** The app of one browser suite, as its hooks started it. */
export interface E2eApp {
  app: () => AppProcess;
  botUrl: () => string;
  /** A container of the app's embedded store, through the SDK: to seed it or read what it wrote. */
  container: (name: string) => Container;
  /** A fresh headless browser, closed after the suite. */
  browser: () => Promise<HeadlessBrowser>;
  /** Every browser opened so far, in order (for screenshots of a failure). */
  readonly browsers: readonly HeadlessBrowser[];
}

/**
 * Registers the hooks of a browser suite: the app as its own process (`npm run start:bot`) in
 * demo mode with a fresh embedded store, then `seed` if given; after the suite, its browsers
 * closed, the app stopped with SIGTERM (it must exit cleanly) and its store removed. Call it
 * before `usePlayground`, whose hooks read `botUrl()`.
 */
export function useE2eApp(
  name: string,
  options: {
    /** More settings, asked for in the hook: they may name what an earlier hook started. */
    env?: () => Record<string, string> | Promise<Record<string, string>>;
    seed?(app: E2eApp): Promise<void>;
  } = {},
): E2eApp {
  const state: {
    app?: AppProcess;
    client?: CosmosClient;
    remove?: () => Promise<void>;
    browsers: HeadlessBrowser[];
  } = { browsers: [] };
  const app = () => {
    if (!state.app) throw new Error('The bot starts in a before hook');
    return state.app;
  };
  const suite: E2eApp = {
    app,
    botUrl: () => app().botUrl,
    container: (container) => {
      state.client ??= new CosmosClient({
        endpoint: app().storeEndpoint ?? '',
        key: EMBEDDED_COSMOS_KEY,
        connectionPolicy: { enableEndpointDiscovery: false },
      });
      return state.client.database('casusbot').container(container);
    },
    browser: async () => {
      const browser = await openBrowser();
      state.browsers.push(browser);
      return browser;
    },
    browsers: state.browsers,
  };
  before(async () => {
    mkdirSync(screenshots, { recursive: true });
    const dir = await tempDir(`e2e-${name}`);
    state.remove = () => dir.remove();
    // startAppProcess waits for the info-level "bot listening" line, so the log level stays info.
    state.app = await startAppProcess({
      PORT: String(await freePort()),
      DEMO_MODE: 'true',
      EMBEDDED_COSMOS_DATA_DIR: dir.path,
      LOG_LEVEL: 'info',
      ...(await options.env?.()),
    });
    await options.seed?.(suite);
  });
  after(async () => {
    await Promise.all(state.browsers.map((browser) => browser.close()));
    state.client?.dispose();
    const running = state.app;
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGTERM');
      assert.equal(await running.exited, 0, 'the bot stops cleanly on SIGTERM');
    }
    await state.remove?.();
  });
  return suite;
}
