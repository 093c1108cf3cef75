import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { fillIntakeStep } from './card-ui';
import { nthCard, say } from './teams-client';

// Steps in a personal chat with the bot in the Teams-like client, shared by the browser suites.

export const cardsOf = (page: Page): Locator => page.locator('.ac-adaptiveCard');

/**
 * Waits until a card containing this text is in the conversation, and returns the last such card
 * by its position, so that the locator still finds it when the bot updates it in place.
 */
export async function cardWith(
  page: Page,
  text: string | RegExp,
  timeout = 20_000,
): Promise<Locator> {
  await cardsOf(page).filter({ hasText: text }).last().waitFor({ timeout });
  const texts = await cardsOf(page).allInnerTexts();
  const index = texts.findLastIndex((card) =>
    typeof text === 'string' ? card.includes(text) : text.test(card),
  );
  assert.ok(index >= 0, `a card with ${String(text)}`);
  return cardsOf(page).nth(index);
}

/** Says something and returns the card that answers it (the next card in the conversation). */
export async function ask(page: Page, text: string): Promise<Locator> {
  const before = await cardsOf(page).count();
  await say(page, text);
  return nthCard(page, before + 1);
}

/** Presses a card button and waits for the card that replaces it in place. */
export async function pressInPlace(
  card: Locator,
  button: string,
  next: string | RegExp,
): Promise<void> {
  const page = card.page();
  const count = await cardsOf(page).count();
  await card.getByRole('button', { name: button, exact: true }).click();
  await card.getByText(next).first().waitFor({ timeout: 20_000 });
  assert.equal(await cardsOf(page).count(), count, `"${button}" replaces the card in place`);
}

/** Waits until a casus card reads this line under its heading ("<state> · <kamer>"). */
export const reads = (card: Locator, line: string): Promise<void> =>
  card
    .getByText(line.includes(' · ') ? line : new RegExp(`^${line} · \\D+$`), { exact: true })
    .waitFor({ timeout: 20_000 });

/**
 * Walks the intake wizard by clicking and typing, from "nieuwe casus" to submitted at Lokale Kamer
 * Rotterdam: the card that says so, and the casus number it names.
 */
export async function submitByIntake(
  page: Page,
  naam: string,
): Promise<{ card: Locator; number: string }> {
  const card = await ask(page, 'nieuwe casus');
  await card.getByText('Stap 1 van 5 · Betrokkene en aanmelding').waitFor();
  await fillIntakeStep.naam(card, naam);
  await fillIntakeStep.betrokkeneWithoutName(card);
  await pressInPlace(card, 'Volgende', 'Stap 2 van 5 · Criteria 1 en 2 (art. 2.20 BGS)');
  await fillIntakeStep.criteria12(card);
  await pressInPlace(card, 'Volgende', 'Stap 3 van 5 · Criterium 3 (art. 2.20 BGS)');
  await fillIntakeStep.criterium3(card);
  await pressInPlace(card, 'Volgende', 'Stap 4 van 5 · Criterium 4 en doorbraak');
  await fillIntakeStep.criterium4(card);
  await pressInPlace(card, 'Naar de samenvatting', 'Stap 5 van 5 · Samenvatting en toets');
  await card.getByText('De casus voldoet aan alle vier de criteria', { exact: false }).waitFor();
  await pressInPlace(card, 'Indienen bij Lokale Kamer Rotterdam', /is aangemeld/);
  const heading = await card.getByRole('heading').innerText();
  const number = /Casus (LK-ROT-\d{4}-\d{4}) is aangemeld/.exec(heading)?.[1];
  assert.ok(number, `the submitted card names the casus number: ${heading}`);
  return { card, number };
}

/** Presses "Open casus" on a notification: the casus card arrives as a new message. */
export async function openCasusFrom(told: Locator, number: string): Promise<Locator> {
  const page = told.page();
  const count = await cardsOf(page).count();
  await told.getByRole('button', { name: 'Open casus', exact: true }).click();
  const card = await nthCard(page, count + 1);
  await card.getByText(`Casus ${number}`, { exact: true }).waitFor();
  return card;
}

/**
 * Opens a user's client on the personal chat with the bot. Opening it installs the app: the bot
 * greets, and from then on knows where to reach this user proactively.
 */
export async function openPersonalChat(page: Page, url: string, who: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
  const welcome = await nthCard(page, 1);
  await welcome.getByText(`Hallo ${who}.`, { exact: false }).waitFor();
}
