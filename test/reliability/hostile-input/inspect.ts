// What an answer must not carry: a casus the asker may not see, a stack trace, internal error
// text, or harmful markup where Teams renders markdown.
import { markdownTexts } from '../../helpers/literal-text';
import { harmfulMarkup } from './strings';
import type { Target } from './targets';

export type Leak = 'casus-data' | 'stack-trace' | 'internal-error' | 'markup';

/** A leak, and what showed it (the value, whose, to whom). */
export interface Found {
  leak: Leak;
  detail: string;
}

/** Letters and digits only: a value still found when a card escaped or reflowed it. */
const plain = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

const stack = /\bat [\w$.<>[\] ]+ \(?[^()\s]*:\d+:\d+\)?|node_modules|\/work\/|\w\.[jt]s:\d+/g;
const internal =
  /SyntaxError|TypeError|RangeError|ReferenceError|Unexpected (token|end)|in JSON at position|not valid JSON|ZodError|invalid_type|Cannot read propert|is not a function|ECONN\w+|ETIMEDOUT|EPIPE|Cosmos ?DB|\b_etag\b|\b_rid\b|"stack"|Maximum call stack/gi;

/** Every card in an answer: an invoke's card, a reply's attachments, a dialog's card. */
function cardsIn(answer: unknown): unknown[] {
  if (answer === null || typeof answer !== 'object') return [];
  const record = answer as Record<string, unknown>;
  const cards: unknown[] = [];
  if (record.type === 'application/vnd.microsoft.card.adaptive') cards.push(record.value);
  if (Array.isArray(record.attachments))
    for (const attachment of record.attachments as { content?: unknown }[])
      cards.push(attachment.content);
  const task = record.task as { value?: { card?: { content?: unknown } } } | undefined;
  if (task?.value?.card?.content) cards.push(task.value.card.content);
  return cards;
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The first match in the answer that the request did not itself carry (an echo is no leak). */
const echoless = (pattern: RegExp, answer: string, request: string): string | undefined =>
  [...answer.matchAll(pattern)].map(([match]) => match).find((match) => !request.includes(match));

/**
 * What `answer` (an HTTP body, or a reply the bot posted) leaks to `actor` who sent `request`.
 * A casus's data counts unless the actor may see that casus or typed that very value.
 */
export function leaksIn(
  answer: string,
  request: string,
  actor: string | undefined,
  targets: readonly Target[],
): Found[] {
  if (answer === '') return [];
  const found: Found[] = [];
  const [answerPlain, requestPlain] = [plain(answer), plain(request)];
  const person = actor?.toLowerCase();
  // A value counts when no casus that holds it may be seen by the actor (casussen share texts).
  const seen = targets.filter((target) => person && target.mayView.has(person));
  for (const target of targets) {
    if (seen.includes(target)) continue;
    const shown = target.secrets.find((secret) => {
      const value = plain(secret);
      const visible = seen.some((other) => other.secrets.some((mine) => plain(mine) === value));
      return !visible && answerPlain.includes(value) && !requestPlain.includes(value);
    });
    if (shown)
      found.push({
        leak: 'casus-data',
        detail: `"${shown}" of ${target.state} ${target.id} to ${actor}`,
      });
  }
  const stackTrace = echoless(stack, answer, request);
  if (stackTrace) found.push({ leak: 'stack-trace', detail: stackTrace });
  const internalError = echoless(internal, answer, request);
  if (internalError) found.push({ leak: 'internal-error', detail: internalError });
  const rendered = cardsIn(parsed(answer)).flatMap(markdownTexts);
  const markdown = rendered.find((text) => harmfulMarkup.some((payload) => text.includes(payload)));
  if (markdown) found.push({ leak: 'markup', detail: markdown.slice(0, 100) });
  return found;
}
