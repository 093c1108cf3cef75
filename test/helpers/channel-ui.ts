import type { Locator, Page } from 'playwright-core';

// How the Teams-like client (Agents Playground 0.2.28) shows a team channel, for browser tests.

/** The one channel of playground/.m365agentsplayground.yml, as the client's tree names it. */
export const kamerChannel = 'ZVH Rotterdam-Rijnmond - Lokale Kamer Rotterdam';

/** Each post in the channel is a group: the root message, its replies and a reply box. */
const posts = (page: Page) => page.getByRole('group');

/**
 * Opens the channel. The client shows only what arrives while a conversation is open, so open it
 * before whatever the bot is to post there.
 */
export async function openChannel(page: Page): Promise<void> {
  await page.getByRole('treeitem', { name: kamerChannel, exact: true }).click();
  await newPost(page).getByRole('button', { name: 'Post', exact: true }).waitFor();
}

/** The box at the top of the channel that starts a new post (a thread). */
const newPost = (page: Page) =>
  posts(page).filter({ has: page.getByRole('button', { name: 'Post', exact: true }) });

/**
 * Starts a thread that @mentions the bot, as a person does: "@cas", the bot picked from the
 * client's mention menu, then the text. Returns the thread, found by its text.
 */
export async function mentionInNewPost(page: Page, text: string): Promise<Locator> {
  const box = newPost(page).getByRole('textbox');
  await box.click();
  await page.keyboard.type('@cas');
  await page.getByRole('menuitem', { name: /casusbot/ }).click();
  await page.keyboard.type(` ${text}`);
  await newPost(page).getByRole('button', { name: 'Post', exact: true }).click();
  // Not the bot's greeting on install, which shows the command as "@casusbot koppel …" too.
  const thread = threadsWith(page, text).filter({ hasNotText: '@casusbot' });
  await thread.waitFor();
  return thread;
}

/** The threads (posts) whose text has this in it. */
export const threadsWith = (page: Page, text: string | RegExp): Locator =>
  posts(page).filter({ hasText: text });

/** The Adaptive Cards in a thread, the root card first. */
export const cardsIn = (thread: Locator): Locator => thread.locator('.ac-adaptiveCard');

/** Everything posted in the channel (not the box that starts a new post). */
export const channelPosts = (page: Page): Locator =>
  posts(page).filter({ hasNot: page.getByRole('button', { name: 'Post', exact: true }) });
