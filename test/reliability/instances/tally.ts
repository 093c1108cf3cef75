// What was owed against what the connector saw: each transition once in the documents, each
// notification once in each chat it is owed to, each channel entry once in its thread.
import { deadlineNoticeLabels, eventLabels } from '../../../bot/presenters/casus-status';
import type { Casus } from '../../../src/domain/casus/casus.schema';
import type { DeadlineNotice } from '../../../src/domain/deadlines/deadline-notices';
import { channelEntriesOf, channelNoticeEntry } from '../../../src/domain/channel/channel-entries';
import { hasDecisionRoleAt } from '../../../src/domain/registry/roles';
import { threadsFor } from '../../helpers/channel-thread-watch';
import type { FakeConnector } from '../../helpers/fake-connector';
import { seed } from './cluster';
import type { MovedTermijn } from './deadlines';
import type { Acknowledged } from './workload';

/** Owed, and how many of those were never sent or sent more than once. */
export interface Count {
  owed: number;
  lost: number;
  twice: number;
}

const notices: DeadlineNotice[] = ['termijn-herinnering', 'termijn-verlopen'];
const decisions = new Set(['accepteren', 'afwijzen', 'afsluiten']);

export function transitionCount(casussen: Casus[], acknowledged: Acknowledged[]): Count {
  const byNumber = new Map(casussen.map((casus) => [casus.casusNumber, casus]));
  const lost = acknowledged.filter(
    ({ number, action, activityId }) =>
      !byNumber
        .get(number)
        ?.audit.some((line) => line.action === action && line.activityId === activityId),
  ).length;
  // No lane takes a step twice on one casus: a second line of an action is a doubled transition.
  let twice = 0;
  for (const casus of casussen) {
    const lines = new Map<string, number>();
    for (const { action } of casus.audit) lines.set(action, (lines.get(action) ?? 0) + 1);
    for (const n of lines.values()) twice += Math.max(0, n - 1);
  }
  return { owed: acknowledged.length, lost, twice };
}

/**
 * Who is owed what of a casus, in order, by the rules of the outbox (src/app/notifications):
 * an aanmelding and a termijn notice to the kamer's decision makers, a decision to the worker,
 * nobody of their own action.
 */
function owedPersonally(casus: Casus, moved: MovedTermijn | undefined): Map<string, string[]> {
  const deciders = seed.persons
    .filter((person) => casus.kamerId && hasDecisionRoleAt(person, casus.kamerId))
    .map((person) => person.id);
  const owed = new Map<string, string[]>();
  const owe = (ids: string[], label: string, actor?: string) =>
    ids
      .filter((id) => id !== actor)
      .forEach((id) => owed.set(id, [...(owed.get(id) ?? []), label]));
  for (const line of casus.audit) {
    if (line.action === 'indienen') owe(deciders, eventLabels.indienen, line.actor.id);
    if (decisions.has(line.action))
      owe([casus.createdBy.id], eventLabels[line.action], line.actor.id);
  }
  if (moved) notices.forEach((notice) => owe(deciders, deadlineNoticeLabels[notice]));
  return owed;
}

/**
 * A notification card: "Open casus" (an Action.Submit, so that the card stays as it is) and no
 * refresh, unlike the casus card a turn answers with in the same chat.
 */
function notificationSpeak(card: Record<string, unknown> | undefined): string | undefined {
  const actions = (card?.actions ?? []) as { type?: string; data?: { verb?: string } }[];
  const opens = actions.some((a) => a.type === 'Action.Submit' && a.data?.verb === 'casus.open');
  return opens && !card?.refresh && typeof card?.speak === 'string' ? card.speak : undefined;
}

/**
 * The notification cards posted (not updated in place) into personal chats, by chat and casus.
 * A proactive post answers the stored reference's activity, so its replyToId does not tell it
 * from a turn's reply: its card does.
 */
function postedPersonally(connector: FakeConnector): Map<string, string[]> {
  const posted = new Map<string, string[]>();
  for (const { conversationId, activity } of connector.sent) {
    if (!conversationId.startsWith('a:')) continue;
    const speak = notificationSpeak(activity.attachments?.[0]?.content);
    const said = speak === undefined ? null : /^Casus (\S+): (.+)$/.exec(speak);
    if (!said) continue;
    const key = `${conversationId.slice(2)} ${said[1]}`;
    posted.set(key, [...(posted.get(key) ?? []), said[2]!]);
  }
  return posted;
}

/**
 * Personal notifications, decisions and termijn notices apart. One card names the latest of
 * what is pending for its reader (casus-delivery.ts), so a notification counts as delivered when
 * its card or a card of a later one owed to the same person came; a card that came twice, or to
 * someone owed nothing of the casus, counts as sent twice.
 */
export function personalCount(
  casussen: Casus[],
  moved: MovedTermijn[],
  connector: FakeConnector,
): { decisions: Count; notices: Count; coalesced: number } {
  const posted = postedPersonally(connector);
  const noticeLabels = new Set(notices.map((notice) => deadlineNoticeLabels[notice]));
  const decisions: Count = { owed: 0, lost: 0, twice: 0 };
  const termijn: Count = { owed: 0, lost: 0, twice: 0 };
  let coalesced = 0;
  const seen = new Set<string>();
  for (const casus of casussen) {
    const owedTo = owedPersonally(
      casus,
      moved.find(({ casusId }) => casusId === casus.id),
    );
    for (const [personId, labels] of owedTo) {
      const key = `${personId} ${casus.casusNumber}`;
      seen.add(key);
      const cards = posted.get(key) ?? [];
      labels.forEach((label, i) => {
        const count = noticeLabels.has(label) ? termijn : decisions;
        const got = cards.filter((card) => card === label).length;
        count.owed++;
        count.twice += Math.max(0, got - 1);
        if (got > 0) return;
        if (labels.slice(i + 1).some((later) => cards.includes(later))) coalesced++;
        else count.lost++;
      });
      decisions.twice += cards.filter((card) => !labels.includes(card)).length;
    }
  }
  for (const [key, cards] of posted) if (!seen.has(key)) decisions.twice += cards.length;
  return { decisions, notices: termijn, coalesced };
}

const entryRefOf = (activity: unknown) =>
  /"id":"(kanaal-[0-9a-f-]{36})"/.exec(JSON.stringify(activity))?.[1];

/** Channel posts: each casus's thread started once, each of its entries replied once. */
export function channelCount(
  casussen: Casus[],
  moved: MovedTermijn[],
  connector: FakeConnector,
  channelId: string,
): { steps: Count; notices: Count } {
  const steps: Count = { owed: 0, lost: 0, twice: 0 };
  const termijn: Count = { owed: 0, lost: 0, twice: 0 };
  for (const casus of casussen.filter((c) => c.casusNumber && c.state !== 'concept')) {
    const threads = threadsFor(connector, channelId, casus.casusNumber!);
    steps.owed++;
    if (threads.length === 0) steps.lost++;
    steps.twice += Math.max(0, threads.length - 1);
    const replies = new Map<string, number>();
    for (const { conversationId } of threads) {
      for (const sent of connector.sent.filter((s) => s.conversationId === conversationId)) {
        const ref = entryRefOf(sent.activity) ?? 'none';
        replies.set(ref, (replies.get(ref) ?? 0) + 1);
      }
    }
    const owed = new Map<string, Count>();
    const [, ...stepRefs] = casus.audit.flatMap((_, i) =>
      channelEntriesOf(casus.audit.slice(0, i + 1)),
    );
    stepRefs.forEach(({ id }) => owed.set(`kanaal-${id}`, steps));
    const termijnMoved = moved.find(({ casusId }) => casusId === casus.id);
    for (const notice of termijnMoved ? notices : []) {
      const step = { state: 'aangemeld' as const, dueAt: termijnMoved!.dueAt };
      owed.set(`kanaal-${channelNoticeEntry(casus, notice, step, '').id}`, termijn);
    }
    for (const [ref, count] of owed) {
      const got = replies.get(ref) ?? 0;
      count.owed++;
      if (got === 0) count.lost++;
      count.twice += Math.max(0, got - 1);
      replies.delete(ref);
    }
    // Whatever is left was owed to no entry of this casus.
    for (const got of replies.values()) steps.twice += got;
  }
  return { steps, notices: termijn };
}
