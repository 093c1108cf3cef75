import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { useE2eApp } from '../helpers/e2e-app';
import { typeDate } from '../helpers/card-ui';
import { submissionOf, validFormValues } from '../helpers/intake-values';
import { usePlayground } from '../helpers/playground';
import { sampleCasus } from '../helpers/samples';
import { nthCard, say, screenshots } from '../helpers/teams-client';

const fatima = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a01';
const jeroen = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a02';
const fatimaRef = {
  id: fatima,
  name: 'Fatima El Amrani',
  organisationId: 'wijkteam-rotterdam-noord',
  organisationName: 'Wijkteam Rotterdam-Noord',
};
const cardsOf = (page: Page) => page.locator('.ac-adaptiveCard');

const DAY_MS = 86_400_000;
const OVERDUE = 20;

/**
 * An open casus at Lokale Kamer Rotterdam, as the store would hold it after submit: its termijn
 * runs for days yet, except that of number 21, which passed (and was told) two weeks ago.
 */
function openCasus(index: number): Casus {
  const dueAt = new Date(Date.now() + (index === OVERDUE ? -14 : 5) * DAY_MS).toISOString();
  const remindAt = new Date(Date.parse(dueAt) - DAY_MS).toISOString();
  return sampleCasus({
    deadline: {
      state: 'aangemeld',
      dueAt,
      remindAt,
      notified: index === OVERDUE ? 'verlopen' : 'geen',
    },
    state: 'aangemeld',
    kamerId: 'lk-rotterdam',
    casusNumber: `LK-ROT-2025-${String(index + 1).padStart(4, '0')}`,
    revision: 1,
    createdBy: fatimaRef,
    submission: submissionOf(new Date(Date.now() - index * DAY_MS).toISOString()),
  });
}

describe('in the Teams-like client (headless Chromium): navigation by buttons', () => {
  const e2e = useE2eApp('navigation', {
    async seed(app) {
      // 23 open casussen (two pages), two drafts told apart, and one ready to submit.
      const casussen = app.container('casussen');
      for (let i = 0; i < 23; i++) await casussen.items.create(openCasus(i));
      const draft = (values: Record<string, string>, step: Casus['intake']['step']) =>
        sampleCasus({ createdBy: fatimaRef, intake: { step, values } });
      await casussen.items.create(draft({}, 'betrokkene'));
      await casussen.items.create(draft({ naam: 'Karel Verwijderbaar' }, 'criteria-1-2'));
      await casussen.items.create(
        draft({ ...validFormValues, naam: 'Samira Bouzid' }, 'samenvatting'),
      );
    },
  });
  const { botUrl } = e2e;
  const clients = {
    fatima: usePlayground('e2e-nav-fatima', botUrl, fatima),
    jeroen: usePlayground('e2e-nav-jeroen', botUrl, jeroen),
  };

  it('opens casussen from every list, leads back, removes a draft, pages and searches', async () => {
    const open = async (url: string, who: string): Promise<Page> => {
      const browser = await e2e.browser();
      await browser.page.setViewportSize({ width: 1280, height: 2200 });
      await browser.page.goto(url);
      await browser.page.getByRole('treeitem', { name: 'Personal Chat' }).click();
      await (await nthCard(browser.page, 1)).getByText(`Hallo ${who}.`, { exact: false }).waitFor();
      return browser.page;
    };
    let shot = 0;
    const snap = async (card: Locator, name: string) => {
      shot += 1;
      await card.screenshot({
        path: `${screenshots}/nav-${String(shot).padStart(2, '0')}-${name}.png`,
      });
    };
    const ask = async (page: Page, text: string): Promise<Locator> => {
      const before = await cardsOf(page).count();
      await say(page, text);
      return nthCard(page, before + 1);
    };
    /** Presses a button (in `within`, a part of the card) and waits for the card in its place. */
    const press = async (card: Locator, button: string, next: string | RegExp, within = card) => {
      const page = card.page();
      const count = await cardsOf(page).count();
      await within.getByRole('button', { name: button, exact: true }).click();
      await card.getByText(next).first().waitFor({ timeout: 20_000 });
      assert.equal(await cardsOf(page).count(), count, `"${button}" replaces the card in place`);
    };
    /** The innermost part of a card with this text and this button: one row of a list. */
    const row = (card: Locator, text: string, button: string) =>
      card
        .locator('div', {
          hasText: text,
          has: card.page().getByRole('button', { name: button, exact: true }),
        })
        .last();

    const worker = await open(clients.fatima.url, 'Fatima El Amrani');

    // Unknown text: said so, with the commands as buttons.
    let card = await ask(worker, 'wat moet ik nu doen');
    await card.getByText('Dat begrijp ik niet').waitFor();
    await snap(card, 'niet-begrepen');
    await press(card, 'Mijn casussen', 'Mijn casussen');
    await card.getByText('leeg', { exact: true }).waitFor();
    await card.getByText('Karel Verwijderbaar').waitFor();
    await snap(card, 'mijn-casussen');

    // A draft is removed after a confirmation only.
    await press(
      card,
      'Verwijderen',
      'Concept verwijderen?',
      row(card, 'Karel Verwijderbaar', 'Verwijderen'),
    );
    await snap(card, 'concept-verwijderen');
    await press(card, 'Ja, verwijderen', 'Het concept is verwijderd.');
    assert.equal(await card.getByText('Karel Verwijderbaar').count(), 0);
    await snap(card, 'concept-verwijderd');

    // A ready draft submitted: the submitted card opens the casus, which leads back to the list.
    await press(card, 'Verder', 'Samenvatting', row(card, 'Samira Bouzid', 'Verder'));
    await press(card, 'Indienen bij Lokale Kamer Rotterdam', /is aangemeld/);
    await snap(card, 'aangemeld');
    await press(card, 'Open casus', 'Terug naar de lijst');
    await snap(card, 'casus-vanuit-aangemeld');
    await press(card, 'Terug naar de lijst', 'Mijn casussen');
    await press(card, 'Open', 'Terug naar de lijst', row(card, 'Samira Bouzid', 'Open'));
    await press(card, 'Terug naar de lijst', 'Mijn casussen');

    // Submitted casussen page on their own; one opened on page 2 leads back to page 2.
    await card.getByText('Pagina 1 van 3 · 24 aangemelde casussen').waitFor();
    await press(card, 'Volgende pagina', 'Pagina 2 van 3 · 24 aangemelde casussen');
    await snap(card, 'mijn-casussen-pagina-2');
    await press(card, 'Open', 'Terug naar de lijst', row(card, 'LK-ROT-2025-0010', 'Open'));
    await press(card, 'Terug naar de lijst', 'Pagina 2 van 3 · 24 aangemelde casussen');
    assert.equal(await card.getByText('LK-ROT-2025-0010').count(), 1);

    // A worker searches by number only.
    card = await ask(worker, 'help');
    await snap(card, 'help');
    await press(card, 'Casus zoeken', 'Op casusnummer');
    assert.equal(await card.getByText('Op betrokkene').count(), 0);
    await snap(card, 'zoeken-medewerker');

    // The procesregisseur pages the casuslijst, opens a casus and returns to the same page.
    const decider = await open(clients.jeroen.url, 'Jeroen de Vries');
    card = await ask(decider, 'casuslijst');
    await card.getByText('Pagina 1 van 2 · 24 open casussen').waitFor();
    // The casus whose termijn passed heads the list, marked in words.
    await card
      .locator('div', { hasText: `1. LK-ROT-2025-00${OVERDUE + 1}`, hasNotText: '2. LK-ROT' })
      .filter({ hasText: 'Termijn verstreken: liep tot en met' })
      .last()
      .waitFor();
    await snap(card, 'casuslijst-pagina-1');
    await press(card, 'Volgende pagina', 'Pagina 2 van 2 · 24 open casussen');
    await snap(card, 'casuslijst-pagina-2');
    await press(card, 'Open', 'Terug naar de lijst', row(card, '21. LK-ROT-', 'Open'));
    await snap(card, 'casus-vanuit-casuslijst');
    await press(card, 'Terug naar de lijst', 'Pagina 2 van 2');

    // And finds casussen by betrokkene.
    await press(card, 'Vorige pagina', 'Pagina 1 van 2');
    await press(card, 'Casus zoeken', 'Op betrokkene');
    await card.getByRole('textbox', { name: 'Naam van betrokkene' }).fill('samira  bouzid');
    await typeDate(card, 'Geboortedatum', '4/12/1988');
    // Only casussen submitted through the bot carry the betrokkene's search key (the seeded don't).
    await press(card, 'Zoek op betrokkene', '1 casus gevonden.', card);
    await snap(card, 'zoeken-op-betrokkene');
    await press(card, 'Naar de casuslijst', 'Casuslijst');

    card = await ask(decider, 'rol');
    await snap(card, 'rol');

    for (const browser of e2e.browsers) assert.deepEqual(browser.pageErrors, []);
    // Every search by betrokkene is in the access log, under who searched.
    const { resources: searches } = await e2e
      .container('access-log')
      .items.query<{ actor: { personId: string } }>(
        'SELECT * FROM c WHERE c.what = "search" AND c.why = "casus.search"',
      )
      .fetchAll();
    assert.equal(searches.at(-1)?.actor.personId, jeroen);
  });
});
