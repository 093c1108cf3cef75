import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';

/**
 * Runs one request to the connector in a proactive turn of a conversation, and resolves with its
 * answer or rejects with the connector's error as it came. The error is caught inside the turn: one
 * that leaves it goes to the adapter's onTurnError, which logs and resolves, and its status (which
 * decides between retrying and giving up) would be lost.
 */
export function inProactiveTurn<T>(
  adapter: CloudAdapter,
  appId: string,
  reference: Partial<ConversationReference>,
  request: (context: TurnContext) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = (error: unknown) =>
      reject(error instanceof Error ? error : new Error(String(error)));
    // The first settlement wins: the turn's own end comes after the request's.
    adapter
      .continueConversationAsync(appId, reference, async (context) => {
        try {
          resolve(await request(context));
        } catch (error) {
          fail(error);
        }
      })
      .then(() => fail(new Error('the proactive turn ended without a request')), fail);
  });
}
