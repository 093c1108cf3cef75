import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { openBrowser, type HeadlessBrowser } from './browser';
import { freePort, startLocal, type LocalStart } from './local-start';
import { tempDir } from './temp-dir';

/** Where browser tests put their screenshots (git-ignored). */
export const screenshots = 'test-results';

/**
 * Registers mocha hooks that start what `npm start` starts (bot, embedded store with a fresh data
 * folder, Teams-like client) on free ports and open headless Chromium; after the suite it checks
 * that `npm start` stops cleanly on SIGTERM. Read the fields inside tests.
 */
export function useTeamsClient(name: string): {
  readonly browser: HeadlessBrowser;
  readonly local: LocalStart;
} {
  const state: { browser?: HeadlessBrowser; local?: LocalStart; remove?: () => Promise<void> } = {};
  before(async () => {
    mkdirSync(screenshots, { recursive: true });
    const dir = await tempDir(name);
    state.remove = () => dir.remove();
    state.local = await startLocal({
      PORT: String(await freePort()),
      PLAYGROUND_PORT: String(await freePort()),
      EMBEDDED_COSMOS_DATA_DIR: dir.path,
    });
    state.browser = await openBrowser();
  });
  after(async () => {
    await state.browser?.close();
    state.local?.child.kill('SIGTERM');
    assert.equal(await state.local?.exited, 0, 'npm start stops cleanly on SIGTERM');
    await state.remove?.();
  });
  return {
    get browser() {
      if (!state.browser) throw new Error('The browser opens in a before hook');
      return state.browser;
    },
    get local() {
      if (!state.local) throw new Error('npm start runs from a before hook');
      return state.local;
    },
  };
}

/** Types a message in the Teams-like client's compose box and sends it. */
export async function say(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
  await box.click();
  await box.pressSequentially(text);
  await box.press('Enter');
}

/** Waits for the n-th Adaptive Card (1-based) in the conversation. */
export async function nthCard(page: Page, n: number): Promise<Locator> {
  const card = page.locator('.ac-adaptiveCard').nth(n - 1);
  await card.waitFor({ timeout: 20_000 });
  return card;
}
