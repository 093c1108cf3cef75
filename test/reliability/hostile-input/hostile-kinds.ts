// The hostile kinds of the issue, each an arbitrary of requests: a realistic activity, broken.
import fc from 'fast-check';
import { activity, unknownNames, type Aim, type Json } from './activities';
import { disarmed, legitimateWrite, type GuardContext } from './guard';
import {
  allPaths,
  objectPaths,
  replaced,
  stringPaths,
  without,
  withOwnKey,
  type JsonPath,
} from './json-edits';
import { invalidUtf8, long, markup, unicode, wrongValue } from './strings';
import { insiders, outsiders } from './targets';

export const hostileKinds = [
  'broken-json',
  'content-type',
  'deep-nesting',
  'wrong-types',
  'missing-fields',
  'unknown-names',
  'forged-casus',
  'stale-casus',
  'other-actor',
  'long-strings',
  'proto-keys',
  'markup',
  'unicode',
] as const;
/** `big-body` (1–10 MB) is made apart, a few dozen; `replayed` only without a valid token. */
export type HostileKind = (typeof hostileKinds)[number] | 'big-body' | 'replayed';

export interface HostileRequest {
  kind: HostileKind;
  body: string | Buffer;
  /** Undefined: no content-type header at all. */
  contentType: string | undefined;
}

const json = 'application/json';
const request = (
  kind: HostileKind,
  body: string | Buffer,
  contentType: string | undefined = json,
) => ({ kind, body, contentType }) satisfies HostileRequest;

const PLACEHOLDER = '\u0001HOSTILE\u0001';
/** The activity's JSON with `text` where the placeholder string was. */
const splice = (value: unknown, text: string): string =>
  JSON.stringify(value).replace(JSON.stringify(PLACEHOLDER), text);

const pick = <T>(items: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...items);
/** One of the paths `of` finds in the value, or the root when it finds none. */
const somePath = (value: unknown, of: (value: unknown) => JsonPath[]): fc.Arbitrary<JsonPath> => {
  const paths = of(value);
  return paths.length > 0 ? pick(paths) : fc.constant([]);
};

function brokenJson(valid: string): fc.Arbitrary<string> {
  const chars = ['"', '{', '}', '[', ']', ',', ':', '0', 'x', '\\', ' ', '\u0000', '\n', '😀'];
  return fc
    .tuple(fc.nat({ max: valid.length }), pick(chars), fc.nat({ max: 9 }))
    .map(([at, char, how]) => {
      const [head, tail] = [valid.slice(0, at), valid.slice(at)];
      return [
        head,
        head + char + tail.slice(1),
        head + char + tail,
        head + tail.slice(1),
        `\uFEFF${valid}`,
        `${valid}${char}`,
        valid.replaceAll('"', "'"),
        valid.replace(/"(\w+)":/g, '$1:'),
        `${head}/*x*/${tail}`,
        valid.replace(/:(\d+)/, ':NaN').replace(/}$/, ',}'),
      ][how] as string;
    });
}

const contentTypes = [
  undefined,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/json, text/plain',
  'application/vnd.api+json',
  'application/jsonx',
  '*/*',
  `application/json; x=${'y'.repeat(4000)}`,
];

function deep(depth: number, opener: string): string {
  const closer = opener === '[' ? ']' : opener === '{"a":' ? '}' : ']}';
  return opener.repeat(depth) + '1' + closer.repeat(depth);
}

const protoKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
];
const protoValues: unknown[] = [
  { polluted: 'ja', isAdmin: true, roles: [{ role: 'procesregisseur', kamerId: 'lk-rotterdam' }] },
  { prototype: { polluted: 'ja', demoMode: true } },
  null,
  1,
  'x',
  [],
];

/** Each kind's requests, from realistic activities aimed at `aim`. */
export function kindArbitraries(
  aim: Aim,
  guard: GuardContext,
): Record<(typeof hostileKinds)[number], fc.Arbitrary<HostileRequest>> {
  const harmless = (built: Json): Json =>
    legitimateWrite(built, guard) ? disarmed(built, guard) : built;
  const safe = (arbitrary: fc.Arbitrary<Json>) => arbitrary.map(harmless);
  const forged = safe(activity(aim, 'forged'));
  /** Strings of the pool written into a few of the activity's string fields. */
  const strings = (kind: HostileKind, pool: readonly string[]) =>
    forged.chain((built) =>
      fc
        .array(fc.tuple(somePath(built, stringPaths), pick(pool)), { minLength: 1, maxLength: 3 })
        .map((edits) => {
          const edited = edits.reduce<unknown>((at, [path, by]) => replaced(at, path, by), built);
          return request(kind, JSON.stringify(harmless(edited as Json)));
        }),
    );
  return {
    'broken-json': forged.chain((built) =>
      brokenJson(JSON.stringify(built)).map((body) => request('broken-json', body)),
    ),
    'content-type': fc
      .tuple(forged, pick(contentTypes))
      .map(([built, type]) => request('content-type', JSON.stringify(built), type)),
    'deep-nesting': fc
      .tuple(
        forged,
        pick(['value', 'channelData', 'entities', 'from', 'conversation', 'attachments']),
        pick([64, 500, 2_000, 10_000, 40_000, 100_000]),
        pick(['[', '{"a":', '{"a":[']),
      )
      .map(([built, key, depth, opener]) =>
        request('deep-nesting', splice({ ...built, [key]: PLACEHOLDER }, deep(depth, opener))),
      ),
    'wrong-types': safe(
      forged.chain((built) =>
        fc
          .tuple(
            somePath(built, (v) => allPaths(v).slice(1)),
            wrongValue(),
          )
          .map(([path, by]) => replaced(built, path, by) as Json),
      ),
    ).map((built) => request('wrong-types', JSON.stringify(built))),
    'missing-fields': safe(
      forged.chain((built) =>
        fc
          .array(
            somePath(built, (v) => allPaths(v).slice(1)),
            { minLength: 1, maxLength: 3 },
          )
          .map((paths) => paths.reduce<unknown>((at, path) => without(at, path), built) as Json),
      ),
    ).map((built) => request('missing-fields', JSON.stringify(built))),
    'unknown-names': safe(unknownNames(aim)).map((built) =>
      request('unknown-names', JSON.stringify(built)),
    ),
    'forged-casus': forged.map((built) => request('forged-casus', JSON.stringify(built))),
    'stale-casus': safe(activity(aim, 'stale', Object.values(insiders))).map((built) =>
      request('stale-casus', JSON.stringify(built)),
    ),
    'other-actor': safe(activity(aim, 'current', [...Object.values(outsiders), insiders.sem])).map(
      (built) => request('other-actor', JSON.stringify(built)),
    ),
    'long-strings': strings('long-strings', long),
    'proto-keys': forged.chain((built) =>
      fc
        .tuple(somePath(built, objectPaths), pick(protoKeys), pick(protoValues))
        .map(([path, key, by]) =>
          request('proto-keys', JSON.stringify(withOwnKey(built, path, key, by))),
        ),
    ),
    markup: strings('markup', markup),
    unicode: fc.oneof(
      strings('unicode', unicode),
      fc.tuple(forged, pick(invalidUtf8)).map(([built, bytes]) => {
        const [head = '', tail = ''] = splice({ ...built, text: PLACEHOLDER }, '"\u0002"').split(
          '\u0002',
        );
        return request('unicode', Buffer.concat([Buffer.from(head), bytes, Buffer.from(tail)]));
      }),
    ),
  };
}

/** Genuine actions of people who may take them: sent without a valid token, they must do nothing. */
export const replayed = (aim: Aim): fc.Arbitrary<HostileRequest> =>
  activity(aim, 'current', Object.values(insiders)).map((built) =>
    request('replayed', JSON.stringify(built)),
  );
