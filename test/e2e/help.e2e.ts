import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { openBrowser, type HeadlessBrowser } from '../helpers/browser';
import { freePort, startLocal, type LocalStart } from '../helpers/local-start';
import { tempDir } from '../helpers/temp-dir';

const screenshots = 'test-results';

/** Types a message in the Teams-like client's compose box and sends it. */
async function say(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
  await box.click();
  await box.pressSequentially(text);
  await box.press('Enter');
}

/** Waits for the n-th Adaptive Card (1-based) in the conversation. */
async function nthCard(page: Page, n: number): Promise<Locator> {
  const card = page.locator('.ac-adaptiveCard').nth(n - 1);
  await card.waitFor({ timeout: 20_000 });
  return card;
}

describe('in the Teams-like client (headless Chromium)', () => {
  let local: LocalStart;
  let browser: HeadlessBrowser;
  let dir: Awaited<ReturnType<typeof tempDir>>;

  before(async () => {
    mkdirSync(screenshots, { recursive: true });
    dir = await tempDir('e2e');
    local = await startLocal({
      PORT: String(await freePort()),
      PLAYGROUND_PORT: String(await freePort()),
      EMBEDDED_COSMOS_DATA_DIR: dir.path,
    });
    browser = await openBrowser();
  });

  after(async () => {
    await browser?.close();
    local?.child.kill('SIGTERM');
    assert.equal(await local?.exited, 0, 'npm start stops cleanly on SIGTERM');
    await dir?.remove();
  });

  it('greets, answers "help" with the help card, and switches role with a card button', async () => {
    const { page } = browser;
    await page.goto(local.clientUrl);
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();

    // Opening the personal chat installs the app: the bot greets with the help card.
    const welcome = await nthCard(page, 1);
    await welcome.getByText('Typ een van deze opdrachten:').waitFor();

    await say(page, 'help');
    const help = await nthCard(page, 2);
    await help.getByText('Hallo Fatima El Amrani.', { exact: false }).waitFor();
    await help.getByText('Demomodus: de gegevens zijn fictief', { exact: false }).waitFor();
    await help.screenshot({ path: `${screenshots}/help-card.png` });

    await say(page, 'rol');
    const roles = await nthCard(page, 3);
    await roles.screenshot({ path: `${screenshots}/demo-personas-card.png` });
    await roles.getByRole('button', { name: 'Word Jeroen de Vries' }).click();
    // Action.Execute replaces the card in place with the help card of the new role.
    await page
      .locator('.ac-adaptiveCard', { hasText: 'Hallo Jeroen de Vries' })
      .waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('.ac-adaptiveCard').count(), 3);
    await page.screenshot({ path: `${screenshots}/conversation.png` });

    assert.deepEqual(browser.pageErrors, []);
  });
});
