// What a generated activity must not be: something the bot may rightly act on by writing the
// store. Everything else it sends must leave the store as it was, so every change is counted.
import type { Json } from './activities';
import { admitted, intakeRole, outsiders, type Target } from './targets';

export interface GuardContext {
  serviceUrl: string;
  targets: Target[];
  /** Demo mode lets anyone pick a persona (a registry write): fine there, refused in production. */
  demoMode: boolean;
}

const object = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : undefined;

/** The card verb and its data, from an Action.Execute invoke or an Action.Submit message. */
function verbOf(activity: Json): { verb: unknown; data: Json | undefined } {
  const value = object(activity.value);
  if (activity.type === 'invoke') {
    const action = object(value?.action);
    return { verb: action?.verb, data: object(action?.data) };
  }
  return { verb: value?.verb, data: value };
}

/** The number `z.coerce.number()` makes of a value, or NaN where that throws ({"toString": "x"}). */
export function coerced(value: unknown): number {
  try {
    return Number(value);
  } catch {
    return NaN;
  }
}

/** Letters only, as a command could still be read from it ("Nieuwe\u200bcasus!" too). */
const letters = (value: unknown): string =>
  typeof value === 'string'
    ? value
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^a-z]/g, '')
    : '';

/**
 * Why the bot could rightly change the store on this activity, or undefined: an admitted person
 * whose chat is not the one it remembers (a new conversation reference), an intake worker starting
 * a draft, a person who may see a casus acting on it at its current revision, a demo persona.
 */
export function legitimateWrite(activity: unknown, context: GuardContext): string | undefined {
  const parsed = object(activity);
  if (!parsed) return undefined;
  const { verb, data } = verbOf(parsed);
  if (context.demoMode && typeof verb === 'string' && verb.trim().toLowerCase() === 'demo.persona')
    return 'demo persona';
  const actor = object(parsed.from)?.aadObjectId;
  if (typeof actor !== 'string') return undefined;
  const person = actor.toLowerCase();
  if (!admitted.has(person)) return undefined;
  const conversation = object(parsed.conversation);
  if (
    parsed.serviceUrl !== context.serviceUrl ||
    conversation?.id !== `a:${actor}` ||
    conversation.conversationType !== 'personal'
  ) {
    return 'another chat of a known person';
  }
  if (intakeRole.has(person)) {
    const started =
      verb === 'intake.start' ||
      letters(verb === 'command.run' ? data?.command : parsed.text).includes('nieuwecasus');
    if (started) return 'an intake worker starts a draft';
  }
  const casusId = typeof data?.casusId === 'string' ? data.casusId.trim().toLowerCase() : '';
  const target = context.targets.find((candidate) => candidate.id === casusId);
  if (target?.mayView.has(person) && coerced(data?.revision) === target.revision)
    return 'a person acts on a casus they may see, at its revision';
  return undefined;
}

/** The same activity from a sender the registry does not know, and without a persona choice. */
export function disarmed(activity: Json, context: GuardContext): Json {
  const from = object(activity.from);
  const result: Json = from
    ? {
        ...activity,
        from: { ...from, id: `29:${outsiders.unknown}`, aadObjectId: outsiders.unknown },
      }
    : activity;
  if (legitimateWrite(result, context) !== 'demo persona') return result;
  // Listing the personas reads only.
  const value = object(result.value) ?? {};
  const action = object(value.action);
  return result.type === 'invoke'
    ? { ...result, value: { ...value, action: { ...action, verb: 'demo.personas' } } }
    : { ...result, value: { ...value, verb: 'demo.personas' } };
}
