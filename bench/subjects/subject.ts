import { executeActivity, messageActivity } from '../../test/helpers/activities';

export type Card = Record<string, unknown>;

/** One request of a subject: what is posted, where, and how its answer is known to be right. */
export interface Turn {
  activity: { id: string } & Record<string, unknown>;
  /** An invoke is answered in the HTTP response; a message by a reply through the connector. */
  answer: 'invoke' | 'message';
  /** Throws when the card is not what this turn must answer (a decision that did not decide). */
  check(card: Card): void;
}

/** Hands out turns per worker (concurrency slot); undefined when the subject has no more. */
export type TurnSource = (worker: number) => Turn | undefined;

export type SubjectName =
  'floor' | 'floorStore' | 'decision' | 'intake' | 'refresh' | 'casusNummer' | 'casuslijst';

export interface Subject {
  name: SubjectName;
  label: string;
  process: 'floor' | 'bot';
  /** The most turns one batch may take at this concurrency (its pool's size, for one). */
  cap(concurrency: number): number;
  /** Ready for a batch at this concurrency. */
  begin(concurrency: number): TurnSource;
  /** After a batch: puts back what the batch changed. */
  end(): Promise<void>;
}

export interface Addressing {
  serviceUrl: string;
}

export const invoke = (
  addressing: Addressing,
  aadObjectId: string,
  verb: string,
  data: unknown,
  trigger: 'manual' | 'automatic' = 'manual',
): Turn['activity'] => {
  const activity = executeActivity(verb, data, { serviceUrl: addressing.serviceUrl, aadObjectId });
  return { ...activity, value: { ...activity.value, trigger } };
};

export const message = (
  addressing: Addressing,
  aadObjectId: string,
  text: string,
): Turn['activity'] => messageActivity(text, { serviceUrl: addressing.serviceUrl, aadObjectId });

/** The bot answered, but not with what the turn must do (a refusal, "the store is unreachable"). */
export class WrongAnswer extends Error {
  override name = 'WrongAnswer';
}

/**
 * Fails loudly, with what the card said: a bench that measures refusals measures nothing. Under
 * load such a turn is counted as failed (and kept out of the figures); anywhere else it stops the
 * run.
 */
export function ensure(condition: boolean, what: string, cardText: string): void {
  if (!condition) throw new WrongAnswer(`${what}; the card said: ${cardText.slice(0, 300)}`);
}
