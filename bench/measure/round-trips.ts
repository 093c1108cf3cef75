import type { StoreCall } from '../meter/store-call';
import type { Harness } from '../harness/harness';
import { runTurn } from '../harness/load';
import type { Subject } from '../subjects/subject';
import { estimateRu } from './request-units';
import { median } from './stats';

export interface PhaseCount {
  /** Every request to the store: documents, queries, query plans, metadata. */
  roundTrips: number;
  /** The most round trips any one of the counted turns made. */
  maxRoundTrips: number;
  /**
   * The same without the refreshes of what the bot serves from memory (registry, conversation
   * references): those are read again once per bound (20–60 s) whatever the traffic, so a counted
   * turn that happens to fall on one pays it, the turns between do not.
   */
  maxBesidesCacheRefresh: number;
  /** Counted turns that fell on such a refresh. */
  cacheRefreshTurns: number;
  /** Query executions (pages); query plans are counted among the round trips, not here. */
  queries: number;
  maxQueries: number;
  /** Round trips by container and kind ("casussen read", "registry query"). */
  byCall: Record<string, number>;
}

export interface RoundTrips {
  subject: Subject['name'];
  /** Turns counted (one after another, each one's deliveries awaited). */
  turns: number;
  /** Medians over those turns. */
  inTurn: PhaseCount;
  after: PhaseCount;
  /** Activities the bot sent or updated after the turn (the notifier's cards). */
  notifications: number;
  /** The estimated RU of one turn with what follows it (see request-units.ts). */
  estimatedRu: number;
}

const callName = (call: StoreCall) => `${call.container || 'metadata'} ${call.kind}`;

/** Containers the bot serves from memory (src/app/registry, src/app/notifications caches). */
const CACHED = new Set(['registry', 'conversations']);

function countPhase(calls: readonly StoreCall[]): PhaseCount {
  const byCall: PhaseCount['byCall'] = {};
  for (const call of calls) byCall[callName(call)] = (byCall[callName(call)] ?? 0) + 1;
  const refreshes = calls.filter((call) => CACHED.has(call.container)).length;
  return {
    roundTrips: calls.length,
    maxRoundTrips: calls.length,
    maxBesidesCacheRefresh: calls.length - refreshes,
    cacheRefreshTurns: refreshes > 0 ? 1 : 0,
    queries: calls.filter((call) => call.kind === 'query').length,
    maxQueries: calls.filter((call) => call.kind === 'query').length,
    byCall,
  };
}

function medianPhase(phases: readonly PhaseCount[]): PhaseCount {
  const names = new Set(phases.flatMap((phase) => Object.keys(phase.byCall)));
  const byCall: PhaseCount['byCall'] = {};
  for (const name of names) byCall[name] = median(phases.map((phase) => phase.byCall[name] ?? 0));
  return {
    roundTrips: median(phases.map((phase) => phase.roundTrips)),
    maxRoundTrips: Math.max(...phases.map((phase) => phase.roundTrips)),
    maxBesidesCacheRefresh: Math.max(...phases.map((phase) => phase.maxBesidesCacheRefresh)),
    cacheRefreshTurns: phases.reduce((sum, phase) => sum + phase.cacheRefreshTurns, 0),
    queries: median(phases.map((phase) => phase.queries)),
    maxQueries: Math.max(...phases.map((phase) => phase.queries)),
    byCall,
  };
}

/**
 * Store round trips of single turns at the SDK boundary: each turn alone, its deliveries awaited
 * (the process idle) before the next. A call is the turn's when it was made before the turn's
 * answer and not by the notifier; the rest is what the turn left behind.
 */
export async function countRoundTrips(
  harness: Harness,
  subject: Subject,
  turns: number,
): Promise<RoundTrips> {
  const target = harness[subject.process];
  const source = subject.begin(1);
  const inTurn: PhaseCount[] = [];
  const after: PhaseCount[] = [];
  const notifications: number[] = [];
  const ru: number[] = [];
  await target.settled();
  await target.ask('record');
  for (let i = 0; i < turns; i++) {
    const turn = source(0);
    if (!turn) throw new Error(`${subject.name}: no turn left to count`);
    const sent = harness.connector.sent.length;
    const updated = harness.connector.updated.length;
    await runTurn(harness, subject, turn);
    await target.settled();
    const { calls } = await target.ask('take');
    inTurn.push(countPhase(calls.filter((call) => call.phase === 'turn')));
    after.push(countPhase(calls.filter((call) => call.phase === 'after')));
    const replies = turn.answer === 'message' ? 1 : 0;
    notifications.push(
      harness.connector.sent.length - sent - replies + harness.connector.updated.length - updated,
    );
    ru.push(estimateRu(calls).total);
  }
  await target.ask('stop-recording');
  await subject.end();
  return {
    subject: subject.name,
    turns,
    inTurn: medianPhase(inTurn),
    after: medianPhase(after),
    notifications: median(notifications),
    estimatedRu: median(ru),
  };
}
