import assert from 'node:assert/strict';
import { ask, cardWith, submitByIntake } from '../helpers/chat-ui';
import { screenshots, useTeamsClient } from '../helpers/teams-client';

describe('in the Teams-like client (headless Chromium): the privacy officer asks who saw a casus', () => {
  const client = useTeamsClient('e2e-access-log');

  it('a casus submitted and opened; the privacy officer sees the lines, with exports', async () => {
    const { page } = client.browser;
    await page.setViewportSize({ width: 1280, height: 2200 });
    await page.goto(client.local.clientUrl);
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    await cardWith(page, 'Wat je kunt doen:');

    const { number } = await submitByIntake(page, 'Jan Jansen');
    const opened = await ask(page, `casus ${number}`);
    await opened.getByText(`Casus ${number}`, { exact: true }).waitFor();

    // The demo switches person: Eva Smit is the privacy officer.
    const roles = await ask(page, 'rol');
    await roles.getByRole('button', { name: 'Word Eva Smit' }).click();
    await cardWith(page, 'Hallo Eva Smit');

    const answer = await ask(page, `wie heeft casus ${number} ingezien`);
    await answer.getByText(`Casus ${number}:`, { exact: false }).waitFor();
    await answer.getByText('Fatima El Amrani', { exact: false }).first().waitFor();
    // Action.OpenUrl: the client draws these as links styled as buttons.
    for (const button of ['Exporteer (CSV)', 'Exporteer (JSON)'])
      await answer.getByText(button, { exact: true }).waitFor();
    await answer.screenshot({ path: `${screenshots}/access-log-card.png` });
    assert.equal(await answer.getByText('Jan Jansen').count(), 0, 'no betrokkene in the log');
    assert.deepEqual(client.browser.pageErrors, []);
  });
});
