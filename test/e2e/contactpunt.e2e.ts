import type { Locator, Page } from 'playwright-core';
import { betrokkeneKeyer, bsnKeyer } from '../../src/app/casus/betrokkene-key';
import { loadSearchKey } from '../../src/storage/cosmos-search-key';
import { answer, choose } from '../helpers/card-ui';
import { useE2eApp } from '../helpers/e2e-app';
import { submissionOf, validFormValues, validStepValues } from '../helpers/intake-values';
import { usePlayground } from '../helpers/playground';
import { sampleCasus } from '../helpers/samples';
import { nthCard, say, screenshots } from '../helpers/teams-client';

const fatima = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a01'; // plays Iris Willems (contactpunt) via `rol`
const jeroen = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a02';
const { naam, geboortedatum, bsn } = validStepValues.betrokkene;
const cardsOf = (page: Page) => page.locator('.ac-adaptiveCard');

describe('in the Teams-like client (headless Chromium): the contactpunt', () => {
  const e2e = useE2eApp('contactpunt', {
    async seed(app) {
      // Two casussen of one betrokkene, as submitting leaves them: with both search keys.
      const secret = await loadSearchKey(app.container('counters'));
      const keys = {
        betrokkeneKey: betrokkeneKeyer(secret)(naam, geboortedatum),
        bsnKey: bsnKeyer(secret)(bsn),
      };
      for (const [index, state] of (['in_behandeling_lokaal', 'afgesloten'] as const).entries()) {
        await app.container('casussen').items.create(
          sampleCasus({
            state,
            kamerId: 'lk-rotterdam',
            casusNumber: `LK-ROT-2026-${String(index + 1).padStart(4, '0')}`,
            revision: 2,
            intake: { step: 'samenvatting', values: validFormValues },
            submission: submissionOf(new Date(Date.now() - (index + 1) * 86_400_000).toISOString()),
            ...keys,
          }),
        );
      }
    },
  });
  const clients = {
    fatima: usePlayground('e2e-contactpunt-fatima', e2e.botUrl, fatima),
    jeroen: usePlayground('e2e-contactpunt-jeroen', e2e.botUrl, jeroen),
  };

  it('finds a betrokkene, offers the inzage, records a correction and asks before an erasure; refuses others', async () => {
    const open = async (url: string, who: string): Promise<Page> => {
      const browser = await e2e.browser();
      await browser.page.setViewportSize({ width: 1280, height: 2400 });
      await browser.page.goto(url);
      await browser.page.getByRole('treeitem', { name: 'Personal Chat' }).click();
      await (await nthCard(browser.page, 1)).getByText(`Hallo ${who}.`, { exact: false }).waitFor();
      return browser.page;
    };
    const snap = (card: Locator, name: string) =>
      card.screenshot({ path: `${screenshots}/contactpunt-${name}.png` });
    const ask = async (page: Page, text: string): Promise<Locator> => {
      const before = await cardsOf(page).count();
      await say(page, text);
      return nthCard(page, before + 1);
    };
    const press = async (card: Locator, button: string, next: string, nth = 0) => {
      await card.getByRole('button', { name: button, exact: true }).nth(nth).click();
      await card.getByText(next).first().waitFor({ timeout: 20_000 });
    };

    const page = await open(clients.fatima.url, 'Fatima El Amrani');
    const roles = await ask(page, 'rol iris');
    await press(roles, 'Word Iris Willems', 'Hallo Iris Willems');
    const card = await ask(page, 'betrokkene zoeken');
    await card.getByText('Verzoek van een betrokkene').waitFor();
    await snap(card, '1-formulier');
    await card.getByLabel('BSN').fill(bsn);
    await press(card, 'Zoek de casussen', '2 casussen gevonden');
    await snap(card, '2-gevonden');

    await press(card, 'Gegevens corrigeren', 'Correctie (rectificatie, art. 16 AVG)');
    await choose(card, 'Gegeven', 'Naam');
    await card.getByLabel('Juiste waarde').fill('Jan de Vries');
    await card
      .getByLabel('Motivering')
      .fill('Betrokkene toonde haar paspoort: de naam was verkeerd gespeld.');
    await snap(card, '3-correctie');
    await press(card, 'Correctie vastleggen', 'De correctie van naam is vastgelegd');
    await snap(card, '4-correctie-vastgelegd');

    await card.getByLabel('BSN').fill(bsn);
    await press(card, 'Zoek de casussen', '2 casussen gevonden');
    await press(card, 'Bezwaar of wissing', 'Bezwaar of verzoek om wissing', 1);
    await choose(card, 'Verzoek', 'Verzoek om wissing (art. 17 AVG)');
    await answer(card, 'Besluit', 'Toegewezen');
    await card
      .getByLabel('Motivering')
      .fill('De casus is afgesloten en betrokkene heeft recht op wissing.');
    await press(card, 'Besluit vastleggen', 'Persoonsgegevens wissen?');
    await snap(card, '5-wissen-bevestigen');

    const other = await open(clients.jeroen.url, 'Jeroen de Vries');
    const refused = await ask(other, 'betrokkene zoeken');
    await refused.getByText('Alleen voor het contactpunt').waitFor();
    await snap(refused, '6-geweigerd');
  });
});
