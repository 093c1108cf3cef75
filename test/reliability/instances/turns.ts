// Turns spread round-robin over the instances, each counted, with the id of the last one kept:
// the audit trail names the activity that made each transition.
import { executeActivity, messageActivity } from '../../helpers/activities';
import type { BotHarness, Conversation } from '../../helpers/bot-harness';
import { cardOf } from '../../helpers/fake-connector';

type Card = Record<string, unknown>;

/** How long one turn may take before it counts as failed (Teams gives up well before). */
const TURN_TIMEOUT_MS = 15_000;

/** A chat as one person whose every turn goes to the next instance in turn. */
export interface LaneConversation extends Conversation {
  /** The activity id of the turn last sent. */
  lastActivityId(): string | undefined;
}

export class TurnRunner {
  answered = 0;
  readonly failures: string[] = [];
  private sent = 0;

  constructor(private readonly instances: BotHarness[]) {}

  get started(): number {
    return this.sent;
  }

  private next(): BotHarness {
    return this.instances[this.sent++ % this.instances.length]!;
  }

  private async counted(what: string, turn: () => Promise<Card>): Promise<Card> {
    try {
      const card = await turn();
      this.answered++;
      return card;
    } catch (error) {
      this.failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }

  /** A message to one instance; the reply it sent through the connector. */
  async sayTo(bot: BotHarness, who: string, text: string): Promise<{ card: Card; id: string }> {
    const activity = messageActivity(text, {
      serviceUrl: bot.connector.serviceUrl,
      aadObjectId: who,
    });
    const response = await withTimeout(bot.post(activity), `"${text}"`);
    if (response.status !== 200) throw new Error(`"${text}" answered ${response.status}`);
    const reply = await bot.connector.waitForReply(activity.id, TURN_TIMEOUT_MS);
    return { card: cardOf(reply), id: activity.id };
  }

  /** An Action.Execute press on one instance; the card its invoke answer carries. */
  async executeOn(bot: BotHarness, who: string, verb: string, data: unknown) {
    const activity = executeActivity(verb, data, {
      serviceUrl: bot.connector.serviceUrl,
      aadObjectId: who,
    });
    const { status, body } = await withTimeout(bot.post(activity), `${verb}`);
    const answer = body as { statusCode?: number; value?: Card } | undefined;
    if (status !== 200 || answer?.statusCode !== 200 || !answer.value)
      throw new Error(`${verb} answered ${status}: ${JSON.stringify(body).slice(0, 200)}`);
    return { card: answer.value, id: activity.id };
  }

  /** Who talks to the instances in turn, every turn counted. */
  as(who: string): LaneConversation {
    let last: string | undefined;
    const keep = ({ card, id }: { card: Card; id: string }) => {
      last = id;
      return card;
    };
    return {
      say: (text) =>
        this.counted(`say ${text}`, async () => keep(await this.sayTo(this.next(), who, text))),
      execute: (verb, data) =>
        this.counted(verb, async () => keep(await this.executeOn(this.next(), who, verb, data))),
      lastActivityId: () => last,
    };
  }
}

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in time`)), TURN_TIMEOUT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
