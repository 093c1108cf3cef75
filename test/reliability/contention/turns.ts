// Every turn of the mixed load, timed as the client sees it: from the POST until the answer (for
// a chat message: until the reply reaches the connector).
import { talkAs, type BotHarness, type Conversation } from '../../helpers/bot-harness';
import { actionData } from '../../helpers/card-actions';
import { press } from '../../helpers/decision-press';
import { shownText } from '../../helpers/fake-connector';

type Card = Record<string, unknown>;

/** A change the bot said it made: a decision "Besluit vastgelegd", a submission "is aangemeld". */
export interface Acknowledged {
  casus: { id: string } | { number: string };
  action: string;
  personId: string;
}

export class TurnLog {
  readonly latencies: number[] = [];
  /** Turns that got no proper answer, and answers that were not what the turn asked for. */
  readonly failures: string[] = [];
  readonly acknowledged: Acknowledged[] = [];
  answered = 0;
  maxInFlight = 0;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  /** At most `limit` turns in flight: the rest wait their turn, and that wait is not timed. */
  constructor(private readonly limit: number) {}

  async timed<T>(turn: () => Promise<T>): Promise<T> {
    // Ten lines of queue rather than a dependency for one script (p-limit is only transitive).
    if (this.inFlight >= this.limit) await new Promise<void>((go) => this.waiting.push(go));
    else this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const started = performance.now();
    try {
      const answer = await turn();
      this.answered++;
      return answer;
    } finally {
      this.latencies.push(performance.now() - started);
      // A freed place goes straight to the next waiting turn, so inFlight stays as it is.
      const next = this.waiting.shift();
      if (next) next();
      else this.inFlight--;
    }
  }

  /** A chat with the bot as this person, every turn timed. */
  as(bot: BotHarness, personId: string): Person {
    const chat = talkAs(bot, personId);
    return {
      id: personId,
      say: (text) => this.timed(() => chat.say(text)),
      execute: (verb, data) => this.timed(() => chat.execute(verb, data)),
    };
  }
}

export interface Person extends Conversation {
  id: string;
}

/** The casus id a card's decision buttons carry. */
export const casusIdOn = (card: Card): string => String(actionData(card, 'casus.decide').casusId);

/** Whether an answer card says its decision was written. */
export const decidedOn = (card: Card): boolean => /Besluit vastgelegd/.test(shownText(card));

/**
 * A decision (confirmed when it asks for it) that must be written: its acknowledgement is
 * recorded, and an answer without one is a failure of the run, with the notice it showed.
 */
export async function decision(
  log: TurnLog,
  as: Person,
  card: Card,
  action: string,
  motivation?: string,
): Promise<Card> {
  const answer = await press(as, card, action, motivation);
  if (!decidedOn(answer))
    throw new Error(`${action} not taken: ${shownText(answer).slice(0, 300)}`);
  log.acknowledged.push({ casus: { id: casusIdOn(card) }, action, personId: as.id });
  return answer;
}
