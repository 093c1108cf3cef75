import { leaksIn } from './channel-privacy';

/**
 * What must never be in a log line, and where it is: personal values a test handed the bot,
 * tokens (every token the bot sees or makes is a JWT: channel tokens, link tokens, shown
 * receipts, Teams SSO tokens), and keys.
 */

/** A three-part JWT: its header is base64url JSON, so it starts with `eyJ`. */
const JWT = /eyJ[\w-]{4,}\.[\w-]+\.[\w-]*/;

/**
 * Keys as they look whatever their value: a JWK's private member (plain or inside a JSON string),
 * a PEM private key, an authorization header's credentials.
 */
const KEY_SHAPES = [
  /\\*"d\\*"\s*:\s*\\*"[\w-]{30,}/,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\b(Bearer|Basic)\s+[\w.~+/=-]{20,}/i,
];

/** A base64 secret as it may be written: as given, base64url, without padding, or as hex. */
export function spellingsOfSecret(secret: string): string[] {
  const spellings = new Set([secret]);
  if (/^[A-Za-z0-9+/]+=*$/.test(secret) && secret.length >= 16) {
    const bytes = Buffer.from(secret, 'base64');
    spellings.add(bytes.toString('base64url'));
    spellings.add(bytes.toString('hex'));
    spellings.add(secret.replace(/=+$/, ''));
  }
  return [...spellings];
}

/** The lines (by index) that hold any of these exact strings. */
function linesHolding(lines: readonly string[], values: readonly string[]): Set<number> {
  const found = new Set<number>();
  lines.forEach((line, index) => {
    if (values.some((value) => value.length > 0 && line.includes(value))) found.add(index);
  });
  return found;
}

/** The lines that hold a token: any JWT, or one of the tokens the caller used. */
export function linesWithToken(lines: readonly string[], tokens: readonly string[]): number[] {
  const found = linesHolding(lines, tokens);
  lines.forEach((line, index) => JWT.test(line) && found.add(index));
  return [...found].sort((a, b) => a - b);
}

/** The lines that hold a key: one of these values (in any spelling), or anything shaped as a key. */
export function linesWithKey(lines: readonly string[], keys: readonly string[]): number[] {
  const found = linesHolding(lines, keys.flatMap(spellingsOfSecret));
  lines.forEach((line, index) => KEY_SHAPES.some((shape) => shape.test(line)) && found.add(index));
  return [...found].sort((a, b) => a - b);
}

const parsed = (line: string): unknown => {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return line;
  }
};

/**
 * The lines that hold a personal value, with the value and where: compared as the channel check
 * compares (each string of the parsed line, normalised). One search over all lines finds the
 * values that occur at all; only those are then looked for line by line.
 */
export function linesWithPersonalData(
  lines: readonly string[],
  values: ReadonlySet<string>,
): { index: number; value: string; text: string }[] {
  const bodies = lines.map(parsed);
  const anywhere = new Set(
    leaksIn([{ conversationId: 'logs', body: bodies }], values).map((leak) => leak.value),
  );
  if (anywhere.size === 0) return [];
  const found: { index: number; value: string; text: string }[] = [];
  bodies.forEach((body, index) => {
    const [leak] = leaksIn([{ conversationId: 'log', body }], anywhere);
    if (leak) found.push({ index, value: leak.value, text: leak.text });
  });
  return found;
}
