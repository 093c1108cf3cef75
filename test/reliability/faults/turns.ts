// One turn as a user takes it, timed, with what its answer told the user: the record the faults
// section judges afterwards against what the store holds.
import { executeActivity, messageActivity } from '../../helpers/activities';
import { cardOf, cardText, type FakeConnector } from '../../helpers/fake-connector';

export type Card = Record<string, unknown>;

/** What the bot needs to be talked to, in-process or as its own process. */
export interface TurnTarget {
  post(activity: unknown): Promise<{ status: number; body: unknown }>;
  connector: FakeConnector;
}

/** What the answer said about the change the turn asked for. */
export type Claim =
  /** Done: the next step, "is aangemeld", "Besluit vastgelegd", "is vastgelegd/opgeslagen". */
  | 'applied'
  /** "Er is niets gewijzigd" (with "probeer het later opnieuw" and the like). */
  | 'not-applied'
  /** "Niet zeker of dit is vastgelegd": true whatever the store holds. */
  | 'unsure'
  /** None of these: an answer that does not tell the user where they stand. */
  | 'unclear';

export type TurnKind = 'start' | 'step' | 'submit' | 'decide';

export interface TurnRecord {
  user: string;
  kind: TurnKind;
  activityId: string;
  /** When it was sent (performance.now()). */
  at: number;
  /** Until the answer arrived; `Infinity` when none came within the wait. */
  ms: number;
  /** False when the bot could not be reached at all (killed on purpose, in one phase). */
  answered: boolean;
  claim: Claim;
  card: Card | undefined;
  /** The casus the turn was about (for a start: the draft its answer shows). */
  casusId?: string;
  /** For a step: the step its answer shows next. */
  shownStep?: string;
}

/** How long a turn is waited for: past the 5 s target, so that a slow answer is measured. */
const WAIT_MS = 10_000;

const UNSURE = /Niet zeker of dit is vastgelegd/;
const NOTHING_CHANGED = /niets gewijzigd/i;

/** The claim an answer makes; `done` recognises the answer that reports the change as made. */
export function claimOf(
  card: Card | undefined,
  done: (card: Card, text: string) => boolean,
): Claim {
  if (!card) return 'unclear';
  const text = cardText(card);
  if (UNSURE.test(text)) return 'unsure';
  if (NOTHING_CHANGED.test(text)) return 'not-applied';
  // The card shown when the write was confirmed but the full answer could not be rendered.
  if (/Je wijziging (in het concept )?is (vastgelegd|opgeslagen)/.test(text)) return 'applied';
  return done(card, text) ? 'applied' : 'unclear';
}

const timeout = (ms: number) =>
  new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref());

interface Answer {
  at: number;
  card: Card | undefined;
  ms: number;
  answered: boolean;
}

/** Sends a chat message; the reply as the connector received it, and how long it took. */
export async function say(
  target: TurnTarget,
  user: string,
  text: string,
): Promise<Answer & { activityId: string }> {
  const activity = messageActivity(text, {
    serviceUrl: target.connector.serviceUrl,
    aadObjectId: user,
  });
  const started = performance.now();
  const reply = target.connector
    .waitForReply(activity.id, WAIT_MS)
    .then((sent) => ({ card: cardOf(sent), ms: performance.now() - started }))
    .catch(() => undefined);
  const reached = await Promise.race([
    target.post(activity).then(
      () => true,
      () => false,
    ),
    timeout(WAIT_MS).then(() => true),
  ]);
  // A bot that went away mid-turn may still have sent its reply: then the user did get it.
  const replied = target.connector.sent.some((sent) => sent.replyToId === activity.id);
  if (!reached && !replied)
    return { activityId: activity.id, at: started, card: undefined, ms: Infinity, answered: false };
  const got = await reply;
  return {
    activityId: activity.id,
    at: started,
    card: got?.card,
    ms: got?.ms ?? Infinity,
    answered: true,
  };
}

/** Presses an Action.Execute button; the card the invoke answered with, and how long it took. */
export async function press(
  target: TurnTarget,
  user: string,
  verb: string,
  data: unknown,
): Promise<Answer & { activityId: string }> {
  const activity = executeActivity(verb, data, {
    serviceUrl: target.connector.serviceUrl,
    aadObjectId: user,
  });
  const started = performance.now();
  const response = await Promise.race([
    target.post(activity).then(
      (answer) => ({ answer, ms: performance.now() - started }),
      () => 'unreachable' as const,
    ),
    timeout(WAIT_MS),
  ]);
  if (response === 'unreachable')
    return { activityId: activity.id, at: started, card: undefined, ms: Infinity, answered: false };
  const body = response?.answer.body as { value?: Card; type?: string } | undefined;
  const card = body?.type === 'application/vnd.microsoft.card.adaptive' ? body.value : undefined;
  return {
    activityId: activity.id,
    at: started,
    card,
    ms: response?.ms ?? Infinity,
    answered: true,
  };
}
