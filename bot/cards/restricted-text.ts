import { z } from 'zod';

// Teams reads TextBlock.text, Fact.title and Fact.value as markdown: a typed "[Klik hier](…)" there
// is a live link. A template may bind a value into those properties only if its schema leaves no
// room for markdown; these are such schemas. Any other text goes into a TextRun (in a
// RichTextBlock), which Teams shows literally. test/unit/cards-literal-text.test.ts holds every
// template to this.

/** "LK-ROT-2026-0007", as `formatCasusNumber` writes it (a kamer code is 2 to 6 capitals). */
export const casusNumberSchema = z.string().regex(/^LK-[A-Z]{2,6}-\d{4}-\d{4,}$/);

/** "5 maart 2026 om 10:05", as `formatDateTime` writes it. */
export const dateTimeTextSchema = z.string().regex(/^\d{1,2} [a-z]+ \d{4} om \d{1,2}:\d{2}$/);

/** Letters, spaces and a question mark ("Welke casus?"): nothing Teams could read as markdown. */
export const plainWordsSchema = z.string().regex(/^[\p{L}\p{M} ?]+$/u);

/** One of the bot's own labels: the values of a label table. */
export function labelSchema(labels: Readonly<Record<string, string>>) {
  return z.enum([...new Set(Object.values(labels))] as [string, ...string[]]);
}
