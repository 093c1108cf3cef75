/**
 * What the channel-privacy hook checks: every payload posted where many read it (a channel, a
 * group chat) against every personal value a test handed the bot — betrokkene's name, date of
 * birth, BSN, motivations, evidence, the contact details of an invitee.
 */
import seed from '../../seed/registry.demo.json';

/** Form fields whose values are personal data or a motivation (as the cards name them). */
const personalField =
  /^(naam|geboortedatum|bsn|adres|contactNaam|contactEmail|gezinsRelevantie|overigePartijen|closeReason|purpose)$|motiv|toelichting|omschrijving|-bron$/i;

/** Values too short or too common to be told apart from ordinary words ("Jan" is in "januari"). */
const MIN_LENGTH = 5;

const personalValues = new Set<string>();

const normalise = (text: string): string =>
  text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The registry's organisations and kamers by name: public, and rightly shown where a decider or a
 * table is named ("door lid van de weegtafel van Politie eenheid Rotterdam"), even when a form
 * field holds the same name (a source of evidence "Politie eenheid Rotterdam").
 */
const publicNames = new Set(
  [...seed.organisations, ...seed.kamers].map((entry) => normalise(entry.name)),
);

const months = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** A date as a card may show it: ISO, 12-04-1988, 12-4-1988, 12 april 1988. */
function spellings(value: string): string[] {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!date) return [value];
  const [, year, month, day] = date as unknown as [string, string, string, string];
  const d = String(Number(day));
  const m = Number(month);
  return [value, `${day}-${month}-${year}`, `${d}-${m}-${year}`, `${d} ${months[m - 1]} ${year}`];
}

/** Remembers every personal value in `data` (a card submit, intake values), however deep. */
export function rememberPersonalValues(data: unknown): void {
  if (Array.isArray(data)) return data.forEach(rememberPersonalValues);
  if (data === null || typeof data !== 'object') return;
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' && personalField.test(key)) {
      for (const spelling of spellings(value)) {
        const normalised = normalise(spelling);
        if (normalised.length >= MIN_LENGTH && !publicNames.has(normalised))
          personalValues.add(normalised);
      }
    } else rememberPersonalValues(value);
  }
}

export const rememberedPersonalValues = (): ReadonlySet<string> => personalValues;

function stringsIn(data: unknown, into: string[] = []): string[] {
  if (typeof data === 'string') into.push(normalise(data));
  else if (Array.isArray(data)) data.forEach((item) => stringsIn(item, into));
  else if (data !== null && typeof data === 'object')
    Object.values(data).forEach((item) => stringsIn(item, into));
  return into;
}

/** Each personal value found in a payload, with where it was posted. */
export function leaksIn(
  payloads: readonly { conversationId: string; body: unknown }[],
  values: ReadonlySet<string>,
): { conversationId: string; value: string; text: string }[] {
  const found: { conversationId: string; value: string; text: string }[] = [];
  for (const { conversationId, body } of payloads) {
    // One search per value over all the payload's texts, kept apart by a character no text has.
    const texts = stringsIn(body).join('\u0000');
    for (const value of values) {
      const at = texts.indexOf(value);
      if (at >= 0)
        found.push({ conversationId, value, text: texts.slice(Math.max(0, at - 80), at + 120) });
    }
  }
  return found;
}
