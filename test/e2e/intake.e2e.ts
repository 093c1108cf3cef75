import assert from 'node:assert/strict';
import { fillIntakeStep } from '../helpers/card-ui';
import { validStepValues } from '../helpers/intake-values';
import { nthCard, say, screenshots, useTeamsClient } from '../helpers/teams-client';
import type { Locator } from 'playwright-core';

// Typed markdown, which must show as the characters typed: no link, no bold.
const naam = '[Jan Jansen](https://evil.invalid/x)';
const motivering1 = '**LET OP** [bevestig hier](https://evil.invalid/y): schulden, geen woonplek.';

/** The card shows these texts exactly as typed, and holds no link at all. */
async function showsLiterally(card: Locator, texts: string[]): Promise<void> {
  for (const text of texts)
    assert.equal(await card.getByText(text, { exact: true }).count(), 1, text);
  assert.equal(await card.locator('a').count(), 0, 'typed markdown made a link');
  assert.equal(await card.locator('strong, b', { hasText: 'LET OP' }).count(), 0, 'bold');
}

describe('in the Teams-like client (headless Chromium): the intake wizard', () => {
  const client = useTeamsClient('e2e-intake');

  it('takes a casus from "nieuwe casus" to submitted at Lokale Kamer Rotterdam by clicking and typing', async () => {
    const { page } = client.browser;
    // Tall enough that the longest step card fits on screen, so card screenshots are whole.
    await page.setViewportSize({ width: 1280, height: 2200 });
    await page.goto(client.local.clientUrl);
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    await nthCard(page, 1); // the welcome card

    let shot = 0;
    const cards = page.locator('.ac-adaptiveCard');
    const snap = async (card: Locator, name: string) => {
      shot += 1;
      await card.screenshot({
        path: `${screenshots}/intake-${String(shot).padStart(2, '0')}-${name}.png`,
      });
    };
    /** Presses a card button and waits for the card that replaces it in place. */
    const press = async (card: Locator, button: string, next: string | RegExp) => {
      await card.getByRole('button', { name: button, exact: true }).click();
      await card.getByText(next).first().waitFor({ timeout: 20_000 });
      assert.equal(await cards.count(), 2, `"${button}" replaces the card instead of adding one`);
    };

    await say(page, 'nieuwe casus');
    const card = await nthCard(page, 2);
    await card.getByText('Stap 1 van 5 · Betrokkene en aanmelding').waitFor();
    assert.equal(await cards.count(), 2);
    await snap(card, 'betrokkene');

    // Step 1, everything but the name.
    await fillIntakeStep.betrokkeneWithoutName(card);

    // "Volgende" without a name: the required field stops it (in the client, or with the bot's
    // Dutch error summary), and the wizard stays on step 1.
    await card.getByRole('button', { name: 'Volgende', exact: true }).click();
    await card.getByText('Vul de naam van betrokkene in', { exact: false }).first().waitFor();
    await page.waitForTimeout(1_000); // give a wrongly sent step time to come back
    assert.equal(await card.getByText('Stap 1 van 5', { exact: false }).count(), 1);
    assert.equal(await card.getByText('Stap 2 van 5', { exact: false }).count(), 0);
    assert.equal(await card.getByText('Kies een Lokale Kamer.').count(), 0, 'only the name');
    assert.equal(await cards.count(), 2);
    await snap(card, 'betrokkene-naam-ontbreekt');

    await fillIntakeStep.naam(card, naam);
    await snap(card, 'betrokkene-ingevuld');
    await press(card, 'Volgende', 'Stap 2 van 5 · Criteria 1 en 2 (art. 2.20 BGS)');
    await snap(card, 'criteria-1-2');

    // Step 2: criteria 1 and 2, one question per leefgebied.
    await fillIntakeStep.criteria12(card, { ...validStepValues['criteria-1-2'], motivering1 });
    await snap(card, 'criteria-1-2-ingevuld');
    await press(card, 'Volgende', 'Stap 3 van 5 · Criterium 3 (art. 2.20 BGS)');
    // Leaving step 2 tells its criteria's verdicts on the next card.
    await card.getByText('Criterium 1: voldoet', { exact: true }).waitFor();
    await card.getByText('Criterium 2: voldoet', { exact: true }).waitFor();
    await snap(card, 'criterium-3');

    // Step 3: criterion 3 with one structured indication, then a second slot.
    await fillIntakeStep.criterium3(card);
    await press(card, 'Aanwijzing toevoegen', 'Soort (Aanwijzing 2)');
    assert.equal(
      await card.getByRole('textbox', { name: 'Bron: de organisatie (Aanwijzing 1)' }).inputValue(),
      validStepValues['criterium-3']['aanwijzing1-bron'],
      'adding a slot keeps what was typed',
    );
    await snap(card, 'criterium-3-ingevuld');

    // "Vorige" with a half-typed step is not blocked, and the step keeps what was typed.
    const half = 'Nog niet af, maar dit wil ik bewaren.';
    await card.getByRole('textbox', { name: 'Motivering criterium 3' }).fill(half);
    await press(card, 'Vorige', 'Stap 2 van 5 · Criteria 1 en 2 (art. 2.20 BGS)');
    await press(card, 'Volgende', 'Stap 3 van 5 · Criterium 3 (art. 2.20 BGS)');
    assert.equal(
      await card.getByRole('textbox', { name: 'Motivering criterium 3' }).inputValue(),
      half,
    );
    await card
      .getByRole('textbox', { name: 'Motivering criterium 3' })
      .fill(validStepValues['criterium-3'].motivering3);
    await press(card, 'Volgende', 'Stap 4 van 5 · Criterium 4 en doorbraak');
    await card.getByText('Criterium 3: voldoet', { exact: true }).waitFor();
    await snap(card, 'criterium-4');

    // Step 4: criterion 4.
    await fillIntakeStep.criterium4(card);
    await snap(card, 'criterium-4-ingevuld');
    await press(
      card,
      'Naar de samenvatting',
      'Stap 5 van 5 · Samenvatting en toets aan art. 2.20 BGS',
    );
    await snap(card, 'samenvatting');

    // The summary shows what was clicked and typed, literally, and all four criteria pass.
    await showsLiterally(card, [
      `${naam}, Rotterdam`,
      'Veilig Thuis',
      'Lokale Kamer Rotterdam',
      'Hoog',
      `Jouw motivering: ${motivering1}`,
    ]);
    assert.equal(await card.getByText('Voldoet', { exact: true }).count(), 4);
    assert.equal(await card.getByText(/voldoet niet/i).count(), 0);
    await card.getByText('De casus voldoet aan alle vier de criteria', { exact: false }).waitFor();
    // The same evidence the deciders will read.
    await card.getByText('Onderbouwing bij aanmelding').waitFor();
    await card
      .getByText(validStepValues['criterium-3']['aanwijzing1-omschrijving'], { exact: false })
      .waitFor();
    await card.getByText('GGZ Maasoever', { exact: false }).first().waitFor();

    await press(card, 'Indienen bij Lokale Kamer Rotterdam', /is aangemeld/);
    const heading = card.getByRole('heading');
    assert.match(await heading.innerText(), /Casus LK-ROT-\d{4}-\d{4} is aangemeld/);
    assert.match(await card.innerText(), /Lokale Kamer Rotterdam/);
    assert.match(await card.innerText(), /Fatima El Amrani/);
    await showsLiterally(card, [naam]);
    await snap(card, 'aangemeld');
    assert.equal(await cards.count(), 2);
    const casusNumber = /LK-ROT-\d{4}-\d{4}/.exec(await heading.innerText())?.[0];

    // The procesregisseur reads the evidence on the casus card, without opening anything.
    await say(page, 'rol');
    const personas = await nthCard(page, 3);
    await personas.getByRole('button', { name: 'Word Jeroen de Vries', exact: true }).click();
    await personas.getByText('Jeroen de Vries', { exact: false }).first().waitFor();
    await say(page, `casus ${casusNumber}`);
    const casus = await nthCard(page, 4);
    const evidence = casus.getByText('Onderbouwing bij aanmelding');
    await evidence.waitFor({ timeout: 20_000 });
    assert.ok(await evidence.isVisible(), 'the evidence is in view without a toggle');
    for (const text of [
      validStepValues['criterium-3']['aanwijzing1-omschrijving'],
      'Politiemelding/registratie',
      'GGZ Maasoever',
      validStepValues['criterium-4'].overigePartijen,
    ])
      assert.ok(await casus.getByText(text, { exact: false }).first().isVisible(), text);
    await snap(casus, 'casus-onderbouwing');

    assert.deepEqual(client.browser.pageErrors, []);
  });
});
