import assert from 'node:assert/strict';
import { walk } from './adaptive-card-check';

/** An Action.Execute on a card as the user sees it: its title, verb and data. */
export interface Button {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** Every Action.Execute button on a card, in order (refresh is no button). */
export function buttonsOf(card: unknown): Button[] {
  const found: Button[] = [];
  const refresh = (card as { refresh?: { action?: unknown } }).refresh?.action;
  walk(card, (node) => {
    if (node.type === 'Action.Execute' && node !== refresh) {
      found.push({
        title: String(node.title),
        verb: String(node.verb),
        data: (node.data ?? {}) as Record<string, unknown>,
      });
    }
  });
  return found;
}

/** The one button with this title (and, when given, whose data matches), or a clear failure. */
export function button(card: unknown, title: string | RegExp, data: object = {}): Button {
  const matching = buttonsOf(card).filter(
    (b) =>
      (typeof title === 'string' ? b.title === title : title.test(b.title)) &&
      Object.entries(data).every(([key, value]) => b.data[key] === value),
  );
  if (matching.length === 0) {
    const titles = buttonsOf(card).map((b) => b.title);
    throw new Error(`No button "${String(title)}" on the card; it has: ${titles.join(', ')}`);
  }
  return matching[0]!;
}

/** Every Action.Submit button on a card (a dialog's `task/fetch`, "Open casus" that posts anew). */
export function submitButtonsOf(card: unknown): Omit<Button, 'verb'>[] {
  const found: Omit<Button, 'verb'>[] = [];
  walk(card, (node) => {
    if (node.type === 'Action.Submit') {
      found.push({ title: String(node.title), data: (node.data ?? {}) as Record<string, unknown> });
    }
  });
  return found;
}

/** The Action.OpenUrl buttons of this title anywhere on a card. */
export function openUrls(card: unknown, title: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const { type, title: t, url } = node as Record<string, unknown>;
      if (type === 'Action.OpenUrl' && t === title && typeof url === 'string') found.push(url);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The one Action.OpenUrl of this title on a card. */
export function openUrl(card: unknown, title: string): string {
  const found = openUrls(card, title);
  assert.equal(found.length, 1, `one "${title}" on the card`);
  return found[0] as string;
}
