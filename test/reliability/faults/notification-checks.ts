// Whether every notification the store's transitions owe arrived, once, after the faults ended.
import type { Container } from '@azure/cosmos';
import { cardText, type FakeConnector } from '../../helpers/fake-connector';
import { allCasussen, parsedCasussen } from './casus-checks';

const chatOf = (personId: string) => `a:${personId}`;

/**
 * Waits until no casus has a notification left to deliver or a delivery under way (the outbox
 * sweep picks up what failed), or `ms` have passed: what is left then counts as lost.
 */
export async function settleOutboxes(container: Container, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const pending = parsedCasussen(await allCasussen(container)).filter(
      (casus) => casus.deliveryLease || casus.outbox.some((entry) => !entry.sentAt),
    );
    if (pending.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface NotificationCount {
  /** Owed and never posted. */
  lost: string[];
  /** Posted as a new card more than once into the same chat, where no lost record explains it. */
  twice: string[];
  /**
   * Posted more than once, each copy but the last while the store could not record it
   * (`unrecorded` says when): sent again because the record was lost, "at least once, by design"
   * (CasusNotifier).
   */
  twiceByDesign: string[];
  /** Ended on purpose (`ended`), and posted all the same. */
  afterEnd: string[];
  /** How many notifications were owed in all. */
  owed: number;
}

/**
 * Who is owed a card per casus: the Lokale Kamer's deciders of every submitted casus, the worker
 * who submitted of every accepted one (nobody is told of their own action). `ended` takes out a
 * chat's notifications that the code ends on purpose (a 403: the chat refuses the bot).
 */
export async function countNotifications(
  container: Container,
  connector: FakeConnector,
  deciders: readonly string[],
  options: {
    ended?: (personId: string, casusId: string) => boolean;
    unrecorded?: (postedAt: number) => boolean;
  } = {},
): Promise<NotificationCount> {
  const { ended = () => false, unrecorded = () => false } = options;
  const result: NotificationCount = {
    lost: [],
    twice: [],
    twiceByDesign: [],
    afterEnd: [],
    owed: 0,
  };
  // New cards, not updates in place. Proactive posts carry the id of the chat's last message as
  // `replyToId`, so replies are told apart by content: no chat message of the workload is
  // answered with a submitted casus, which every notification names.
  const posted = connector.sent;
  for (const casus of parsedCasussen(await allCasussen(container))) {
    if (!casus.casusNumber) continue;
    const owed = [...deciders];
    if (casus.audit.some((line) => line.action === 'accepteren')) owed.push(casus.createdBy.id);
    for (const personId of owed) {
      const copies = posted.filter(
        (sent) =>
          sent.conversationId === chatOf(personId) &&
          cardText(sent.activity.attachments?.[0]?.content).includes(`Casus ${casus.casusNumber}`),
      );
      const cards = copies.length;
      const what = `${casus.casusNumber} to ${personId.slice(-2)}`;
      if (ended(personId, casus.id)) {
        if (cards > 0) result.afterEnd.push(what);
        continue;
      }
      result.owed++;
      if (cards === 0) result.lost.push(what);
      if (cards > 1) {
        const byDesign = copies.slice(0, -1).every((copy) => unrecorded(copy.at ?? -Infinity));
        (byDesign ? result.twiceByDesign : result.twice).push(`${what} ${cards}×`);
      }
    }
  }
  return result;
}
