// The barrage: so many requests of each hostile kind, drawn by fast-check from one seed.
import fc from 'fast-check';
import type { Aim } from './activities';
import { legitimateWrite, type GuardContext } from './guard';
import { hostileKinds, kindArbitraries, replayed, type HostileRequest } from './hostile-kinds';

/** How a production request authenticates: with a valid channel token, or in one of the wrong ways. */
export type AuthKind =
  | 'valid'
  | 'missing'
  | 'forged'
  | 'expired'
  | 'other-bot'
  | 'garbage'
  | 'other-scheme'
  | 'other-service-url';

export interface Planned extends HostileRequest {
  auth: AuthKind | undefined;
}

/** How often each kind is drawn, relative to the others. */
const weights: Record<(typeof hostileKinds)[number], number> = {
  'broken-json': 10,
  'content-type': 6,
  'deep-nesting': 4,
  'wrong-types': 12,
  'missing-fields': 10,
  'unknown-names': 8,
  'forged-casus': 12,
  'stale-casus': 10,
  'other-actor': 10,
  'long-strings': 4,
  'proto-keys': 6,
  markup: 5,
  unicode: 5,
};

const authWeights: [AuthKind, number][] = [
  ['valid', 45],
  ['missing', 14],
  ['forged', 10],
  ['expired', 10],
  ['other-bot', 6],
  ['garbage', 8],
  ['other-scheme', 4],
  ['other-service-url', 3],
];

/** The body as the bot's JSON parser would read it, if it can. */
function parsedBody(request: HostileRequest): unknown {
  try {
    return JSON.parse(request.body.toString().replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/** 1–10 MB: a huge text, a huge array, deep nesting, padding. Slow to send, so only `count`. */
export function bigBodies(count: number, valid: string): HostileRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const size = (1 + (i % 10)) * 1024 * 1024;
    const shape = i % 4;
    const body =
      shape === 0
        ? valid.replace(/"text":"[^"]*"/, `"text":"${'x'.repeat(size)}"`)
        : shape === 1
          ? `{"type":"message","value":[${'1,'.repeat(size / 2)}1]}`
          : shape === 2
            ? '['.repeat(size)
            : `${' '.repeat(size)}${valid}`;
    return { kind: 'big-body', body, contentType: 'application/json' };
  });
}

/**
 * `count` requests drawn from every kind by weight (none the bot could rightly write on, after
 * every edit), and `big` big bodies among them. With `production`, each also draws how it
 * authenticates; without a valid token, genuine actions (`replayed`) are drawn too.
 */
export function planBarrage(options: {
  aim: Aim;
  guard: GuardContext;
  count: number;
  big: number;
  seed: number;
  production: boolean;
  valid: string;
}): Planned[] {
  const { aim, guard, production } = options;
  const byKind = kindArbitraries(aim, guard);
  const hostile = fc
    .oneof(...hostileKinds.map((kind) => ({ weight: weights[kind], arbitrary: byKind[kind] })))
    .filter((request) => !legitimateWrite(parsedBody(request), guard));
  const auth = production
    ? fc.oneof(...authWeights.map(([kind, weight]) => ({ weight, arbitrary: fc.constant(kind) })))
    : fc.constant(undefined);
  const planned = fc
    .tuple(auth, hostile, replayed(aim), fc.nat({ max: 9 }))
    .map(([how, request, genuine, dice]): Planned => {
      const unauthenticated = how !== undefined && how !== 'valid';
      return { ...(unauthenticated && dice < 2 ? genuine : request), auth: how };
    });
  const drawn = fc.sample(planned, { numRuns: options.count - options.big, seed: options.seed });
  const big = bigBodies(options.big, options.valid).map((request, i) => ({
    ...request,
    auth: production ? (authWeights[i % authWeights.length]?.[0] ?? 'valid') : undefined,
  }));
  // The big ones spread over the barrage, not all at its end.
  const step = Math.floor(drawn.length / Math.max(1, big.length));
  big.forEach((request, i) => drawn.splice(i * (step + 1), 0, request));
  return drawn;
}
