import { EMBEDDED_COSMOS_KEY } from '../../../src/storage/embedded/embedded-cosmos';
import { sharedChatPayloads } from '../../helpers/channel-payloads';
import { leaksIn, rememberedPersonalValues } from '../../helpers/channel-privacy';
import { linesWithKey, linesWithPersonalData, linesWithToken } from '../../helpers/log-secrets';
import { signingSecretsMade } from '../../helpers/signing-env';

export interface ScanResults {
  /** How many personal values were looked for, and of those the own flow typed, which were not. */
  valuesLookedFor: number;
  forgotten: string[];
  /** Each check found its kind of secret planted in a line of its own: none of them is blind. */
  seesPlanted: boolean;
  /** The lines (by index into the lines scanned) with personal data, a token, a key. */
  personal: number[];
  tokens: number[];
  keys: number[];
  /** Every payload posted in a channel or group chat this run, and those with personal data. */
  payloads: number;
  leakyPayloads: number;
  /** A few findings of each kind, for the notes. */
  examples: string[];
}

const normalise = (value: string) => value.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Every log line of the run against every personal value a test handed a bot, every token used
 * and every key known (the embedded store's, each signing secret a test made); every channel
 * payload of the run against the personal values.
 */
export function scanRun(
  lines: readonly string[],
  known: { typed: readonly string[]; tokens: readonly string[]; keys: readonly string[] },
): ScanResults {
  const values = rememberedPersonalValues();
  const keyValues = [EMBEDDED_COSMOS_KEY, ...known.keys, ...signingSecretsMade];
  const personal = linesWithPersonalData(lines, values);
  const tokens = linesWithToken(lines, known.tokens);
  const keys = linesWithKey(lines, keyValues);

  const [aValue = ''] = values;
  const plant = (entry: object) => [JSON.stringify({ level: 30, msg: 'planted', ...entry })];
  const seesPlanted =
    linesWithPersonalData(plant({ note: aValue }), values).length === 1 &&
    linesWithToken(plant({ link: known.tokens[0] }), []).length === 1 &&
    linesWithKey(plant({ secret: known.keys[0] }), keyValues).length === 1;

  const leaky = sharedChatPayloads.filter((payload) => leaksIn([payload], values).length > 0);
  const line = (index: number) => (lines[index] ?? '').slice(0, 300);
  const examples = [
    ...personal.slice(0, 3).map((found) => `personal data in a log line: ${found.text}`),
    ...tokens.slice(0, 3).map((index) => `token in a log line: ${line(index)}`),
    ...keys.slice(0, 3).map((index) => `key in a log line: ${line(index)}`),
    ...leaksIn(leaky.slice(0, 3), values).map(
      (leak) => `personal data in ${leak.conversationId}: ${leak.text}`,
    ),
  ];
  return {
    valuesLookedFor: values.size,
    forgotten: known.typed.filter((value) => !values.has(normalise(value))),
    seesPlanted,
    personal: personal.map((found) => found.index),
    tokens,
    keys,
    payloads: sharedChatPayloads.length,
    leakyPayloads: leaky.length,
    examples,
  };
}
