import assert from 'node:assert/strict';
import { nthCard, say, screenshots, useTeamsClient } from '../helpers/teams-client';

describe('in the Teams-like client (headless Chromium)', () => {
  const client = useTeamsClient('e2e');

  it('greets, answers "help" with the help card, and switches role with a card button', async () => {
    const { page } = client.browser;
    await page.goto(client.local.clientUrl);
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();

    // Opening the personal chat installs the app: the bot greets with the help card.
    const welcome = await nthCard(page, 1);
    await welcome.getByText('Wat je kunt doen:').waitFor();

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

    assert.deepEqual(client.browser.pageErrors, []);
  });
});
