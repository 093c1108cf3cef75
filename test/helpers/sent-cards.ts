import assert from 'node:assert/strict';
import { cardOf, cardText, type FakeConnector } from './fake-connector';

/** The cards sent into one user's personal chat since `from` (an index into `connector.sent`). */
export function cardsSentTo(
  connector: FakeConnector,
  aadObjectId: string,
  from: number,
): Record<string, unknown>[] {
  return connector.sent
    .slice(from)
    .filter((sent) => sent.conversationId === `a:${aadObjectId}`)
    .map((sent) => cardOf(sent));
}

/** Waits (5 s at most) for a card whose text matches to reach this user's chat; resolves with it. */
export async function waitForCardTo(
  connector: FakeConnector,
  aadObjectId: string,
  from: number,
  pattern: RegExp,
): Promise<Record<string, unknown>> {
  for (let i = 0; i < 50; i++) {
    const card = cardsSentTo(connector, aadObjectId, from).find((c) => pattern.test(cardText(c)));
    if (card) return card;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seen = cardsSentTo(connector, aadObjectId, from).map(cardText);
  return assert.fail(
    `No card matching ${pattern} reached ${aadObjectId}: ${seen.join('\n---\n').slice(0, 500)}`,
  );
}
