/** At most this many parties are offered from one intake. */
const MAX_PARTIES = 10;

/**
 * The parties a worker named in the intake as "andere partijen" (criterion 4, free text: the ones
 * that are not a vaste deelnemer and may be invited under art. 2.21 BGS), as names to offer on the
 * proposal form. Split on commas, semicolons and line breaks outside parentheses; what is in
 * parentheses is a note, not part of the name ("Woonstichting Maasstad (huurachterstand, …)").
 */
export function namedParties(text: string | undefined): string[] {
  if (!text) return [];
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (depth === 0 && /[,;\n]/.test(char)) {
      parts.push(current);
      current = '';
    } else if (depth === 0) current += char;
    if (char === ')' && depth > 0) depth--;
  }
  parts.push(current);
  const names = parts
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((name) => name.length >= 2 && name.length <= 120);
  return [...new Set(names)].slice(0, MAX_PARTIES);
}
