import { postActivity as post } from '../../test/helpers/bot-harness';
import { cardOf, type FakeConnector } from '../../test/helpers/fake-connector';
import { WrongAnswer, type Card, type Subject, type Turn } from '../subjects/subject';
import type { Harness } from './harness';

export interface Batch {
  subject: Subject['name'];
  concurrency: number;
  /** Turns answered as they must be; only these are in the throughput and the latencies. */
  turns: number;
  /** Turns answered otherwise (a refusal, a store time-out), and what the first ones said. */
  failed: number;
  failures: string[];
  elapsedMs: number;
  perSecond: number;
  latenciesMs: number[];
  /** The largest card answered, and the largest the connector got meanwhile (notifications). */
  answerCardBytes: number;
  sentCardBytes: number;
  /** The measured process's peak RSS during the batch and the deliveries after it. */
  peakRssBytes: number;
}

const bytesOf = (card: unknown) => Buffer.byteLength(JSON.stringify(card));

/** The reply to one message: sent through the connector before the turn's HTTP answer. */
function replyTo(connector: FakeConnector, activityId: string): Card {
  for (let i = connector.sent.length - 1; i >= 0; i--) {
    const sent = connector.sent[i];
    if (sent?.replyToId === activityId) return cardOf(sent);
  }
  throw new Error(`no reply to ${activityId}`);
}

/** One turn, checked: the HTTP status, the invoke's own status, and the card it answered. */
export async function runTurn(harness: Harness, subject: Subject, turn: Turn): Promise<Card> {
  const url = harness.urls[subject.process];
  const { status, body } = await post(url, turn.activity);
  if (status !== 200)
    throw new Error(`${subject.name}: HTTP ${status} ${JSON.stringify(body).slice(0, 300)}`);
  let card: Card;
  if (turn.answer === 'invoke') {
    const answer = body as { statusCode?: number; value?: Card } | undefined;
    if (answer?.statusCode !== 200 || !answer.value)
      throw new Error(`${subject.name}: invoke answered ${JSON.stringify(body).slice(0, 300)}`);
    card = answer.value;
  } else {
    card = replyTo(harness.connector, turn.activity.id);
  }
  turn.check(card);
  return card;
}

/** The largest card the connector received (replies, notifications, updates in place). */
export function largestSentCard(connector: FakeConnector): number {
  let largest = 0;
  for (const sent of [...connector.sent, ...connector.updated]) {
    const content = sent.activity.attachments?.[0]?.content;
    if (content) largest = Math.max(largest, bytesOf(content));
  }
  return largest;
}

/**
 * Runs `concurrency` callers, each sending its next turn as soon as the last was answered, for
 * `durationMs` or until the subject has no more turns (at most `cap`). Then waits until the
 * process has finished what the turns left it (deliveries), so the next batch starts clean.
 */
export async function runBatch(
  harness: Harness,
  subject: Subject,
  concurrency: number,
  durationMs: number,
): Promise<Batch> {
  const target = harness[subject.process];
  const source = subject.begin(concurrency);
  const cap = subject.cap(concurrency);
  harness.connector.clear();
  harness.connector.updated.length = 0;
  await target.resetPeakRss();
  const latencies: number[] = [];
  let issued = 0;
  let answerCardBytes = 0;
  const failures: string[] = [];
  let failed = 0;
  const start = performance.now();
  let last = start;
  const caller = async (worker: number): Promise<void> => {
    while (performance.now() - start < durationMs && issued < cap) {
      const turn = source(worker);
      if (!turn) return;
      issued++;
      const sentAt = performance.now();
      try {
        const card = await runTurn(harness, subject, turn);
        last = performance.now();
        latencies.push(last - sentAt);
        answerCardBytes = Math.max(answerCardBytes, bytesOf(card));
      } catch (error) {
        if (!(error instanceof WrongAnswer)) throw error;
        last = performance.now();
        failed++;
        if (failures.length < 3) failures.push(error.message);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, worker) => caller(worker)));
  const elapsedMs = last - start;
  await target.settled();
  const batch: Batch = {
    subject: subject.name,
    concurrency,
    turns: latencies.length,
    failed,
    failures,
    elapsedMs,
    perSecond: latencies.length / (elapsedMs / 1000),
    latenciesMs: latencies,
    answerCardBytes,
    sentCardBytes: largestSentCard(harness.connector),
    peakRssBytes: await target.peakRssBytes(),
  };
  await subject.end();
  harness.connector.clear();
  harness.connector.updated.length = 0;
  return batch;
}
