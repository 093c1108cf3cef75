import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';

// How the Teams-like client renders Adaptive Card inputs (Fluent UI v9), for browser tests.

/** Picks an option of a compact ChoiceSet (a Fluent Combobox) by its title. */
export async function choose(card: Locator, label: string, title: string): Promise<void> {
  const combobox = card.getByRole('combobox', { name: label });
  await combobox.click();
  await card.page().getByRole('option', { name: title, exact: true }).click();
  assert.equal(await combobox.inputValue(), title);
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
