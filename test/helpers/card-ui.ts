import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { validStepValues } from './intake-values';

// How the Teams-like client renders Adaptive Card inputs (Fluent UI v9), for browser tests.

/** Picks an option of a compact ChoiceSet (a Fluent Combobox) by its title. */
export async function choose(card: Locator, label: string, title: string): Promise<void> {
  const combobox = card.getByRole('combobox', { name: label });
  await combobox.click();
  await card.page().getByRole('option', { name: title, exact: true }).click();
  assert.equal(await combobox.inputValue(), title);
}

/** Picks the answer of an expanded single-select ChoiceSet (radio buttons) by its label and title. */
export async function answer(card: Locator, label: string, title: string): Promise<void> {
  const group = card.getByRole('radiogroup', { name: label, exact: true });
  await group.getByRole('radio', { name: title, exact: true }).check();
}

/** Ticks choices of an expanded multi-select ChoiceSet; each checkbox is named "<label> <title>". */
export async function tick(card: Locator, label: string, titles: string[]): Promise<void> {
  for (const title of titles) {
    await card.getByRole('checkbox', { name: `${label} ${title}`, exact: true }).check();
  }
}

/** Types a date (M/D/YYYY) in a Fluent date picker: opening it shows a calendar, so close that first. */
export async function typeDate(card: Locator, label: string, typed: string): Promise<void> {
  const page = card.page();
  const date = card.getByRole('combobox', { name: label });
  await date.click();
  await page.getByRole('dialog', { name: 'Calendar' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Calendar' }).waitFor({ state: 'detached' });
  await date.pressSequentially(typed);
  await date.press('Tab');
  assert.equal(await page.getByRole('dialog', { name: 'Calendar' }).count(), 0);
}

/**
 * Answers of the intake wizard as a person gives them in the client (titles, not ids), matching
 * test/helpers/intake-values.ts. Each fills one step's card without pressing its button.
 */
export const fillIntakeStep = {
  /** Everything but the name, so a test can first try "Volgende" without it. */
  async betrokkeneWithoutName(card: Locator): Promise<void> {
    await typeDate(card, 'Geboortedatum', '4/12/1988');
    assert.equal(
      await card.getByRole('combobox', { name: 'Geboortedatum' }).inputValue(),
      'April 12, 1988',
    );
    await card
      .getByRole('textbox', { name: 'Gemeente van betrokkene' })
      .fill(validStepValues.betrokkene.gemeente);
    await choose(card, 'Aanmeldroute', 'Veilig Thuis');
    await choose(card, 'Lokale Kamer', 'Lokale Kamer Rotterdam');
    await card.getByRole('radio', { name: 'Hoog', exact: true }).check();
  },
  async naam(card: Locator, naam: string = validStepValues.betrokkene.naam): Promise<void> {
    await card.getByRole('textbox', { name: 'Naam van betrokkene' }).fill(naam);
  },
  async criteria12(
    card: Locator,
    step: { motivering1: string; motivering2: string } = validStepValues['criteria-1-2'],
  ): Promise<void> {
    await card.getByRole('checkbox', { name: 'Zijn er problemen bij betrokkene?' }).check();
    await card.getByRole('textbox', { name: 'Motivering criterium 1' }).fill(step.motivering1);
    // One question per leefgebied; the others stay "Geen probleem".
    await answer(card, 'Huisvesting', 'Probleem');
    await answer(card, 'Financiën/schulden', 'Probleem');
    await answer(card, 'Verslaving', 'Probleem met criminogene factor');
    await answer(card, 'Justitie/politie', 'Probleem met criminogene factor');
    await card.getByRole('textbox', { name: 'Motivering criterium 2' }).fill(step.motivering2);
  },
  async criterium3(card: Locator): Promise<void> {
    const step = validStepValues['criterium-3'];
    await tick(card, 'Waartoe leiden de problemen?', ['Ernstige overlast', 'Criminaliteit']);
    await tick(card, 'Wanneer?', ['Leidt daartoe']);
    await choose(card, 'Soort (Aanwijzing 1)', 'Politiemelding/registratie');
    await typeDate(card, 'Datum of begin van de periode (Aanwijzing 1)', '11/3/2025');
    await typeDate(card, 'Tot en met, bij een periode (Aanwijzing 1)', '1/20/2026');
    await card
      .getByRole('textbox', { name: 'Bron: de organisatie (Aanwijzing 1)' })
      .fill(step['aanwijzing1-bron']);
    await card
      .getByRole('textbox', { name: 'Korte omschrijving (Aanwijzing 1)' })
      .fill(step['aanwijzing1-omschrijving']);
    await card.getByRole('textbox', { name: 'Motivering criterium 3' }).fill(step.motivering3);
  },
  async criterium4(card: Locator): Promise<void> {
    const step = validStepValues['criterium-4'];
    await tick(card, 'Domein justitieel', ['Politie eenheid Rotterdam']);
    await tick(card, 'Domein zorg', ['GGZ Maasoever']);
    await tick(card, 'Domein sociaal', ['Wijkteam Rotterdam-Noord']);
    await card.getByRole('textbox', { name: 'Andere partijen' }).fill(step.overigePartijen);
    await card.getByRole('textbox', { name: 'Motivering criterium 4' }).fill(step.motivering4);
  },
};
