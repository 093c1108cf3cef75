import { MAX_CARD_BYTES } from '../../bot/cards/card-template';
import type { BenchResults } from '../run';
import type { SubjectName } from '../subjects/subject';
import { scaling, subjectFigures } from './aggregate';

export interface Target {
  target: string;
  measured: string;
  met: boolean;
}

/** Issue 14's targets, each against this run's figures. */
export function evaluateTargets(results: BenchResults): Target[] {
  const figures = subjectFigures(results);
  const at = (subject: SubjectName, concurrency: number) => {
    const found = figures.find((f) => f.subject === subject && f.concurrency === concurrency);
    if (!found) throw new Error(`no figures for ${subject} at c=${concurrency}`);
    return found;
  };
  const top = Math.max(...results.settings.concurrencies);
  const trips = (subject: SubjectName) => {
    const found = results.roundTrips.find((r) => r.subject === subject);
    if (!found) throw new Error(`no round trips for ${subject}`);
    return found;
  };
  const refreshNote = ({ after, turns }: BenchResults['roundTrips'][number]) =>
    `${after.maxBesidesCacheRefresh}${after.cacheRefreshTurns > 0 ? ` (+ a cache refresh in ${after.cacheRefreshTurns} of ${turns} turns)` : ''}`;
  const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
  const decision = at('decision', top);
  const intake = at('intake', top);
  const hot = (['decision', 'intake', 'refresh'] as const).map(trips);
  const largestCard = Math.max(
    ...results.batches.flatMap((b) => [b.answerCardBytes, b.sentCardBytes]),
  );
  const peak = (floor: boolean) =>
    Math.max(
      ...results.batches
        .filter((b) => b.subject.startsWith('floor') === floor)
        .map((b) => b.peakRssBytes),
    );
  const botPeak = peak(false);
  const floorPeak = peak(true);
  const scaled = scaling(results);
  const mb = (bytes: number) => `${fixed(bytes / 2 ** 20, 0)} MB`;
  const failed = results.batches.filter((b) => b.failed > 0);
  return [
    {
      target: 'every turn answered as it must (no refusal, no store time-out)',
      measured: failed.length
        ? failed.map((b) => `${b.subject} c=${b.concurrency}: ${b.failed} failed`).join('; ')
        : 'all',
      met: failed.length === 0,
    },
    {
      target: `decision ≥ 0.6× floor with store at c=${top}`,
      measured: `${fixed(decision.vsFloorStore.median)}× (${fixed(decision.vsFloorStore.min)}–${fixed(decision.vsFloorStore.max)})`,
      met: decision.vsFloorStore.median >= 0.6,
    },
    {
      target: `decision p99 < 100 ms at c=${top}`,
      measured: `${fixed(decision.p99Ms.median, 0)} ms`,
      met: decision.p99Ms.median < 100,
    },
    {
      target: `intake step ≥ 0.7× floor with store at c=${top}`,
      measured: `${fixed(intake.vsFloorStore.median)}× (${fixed(intake.vsFloorStore.min)}–${fixed(intake.vsFloorStore.max)})`,
      met: intake.vsFloorStore.median >= 0.7,
    },
    ...(['decision', 'intake'] as const).map((subject) => ({
      target: `${subject}: ≤ 2 store round trips in the turn`,
      measured: `${trips(subject).inTurn.maxRoundTrips} (the most of any turn counted)`,
      met: trips(subject).inTurn.maxRoundTrips <= 2,
    })),
    {
      target: 'refresh: ≤ 1 store round trip in the turn (the casus read)',
      measured: `${trips('refresh').inTurn.maxRoundTrips}`,
      met: trips('refresh').inTurn.maxRoundTrips <= 1,
    },
    {
      target: 'decision: the notifier adds ≤ 1 round trip after the turn',
      measured: refreshNote(trips('decision')),
      // A refresh of what is served from memory is due once per 20–60 s: more than one among the
      // counted turns (seconds apart) would be a read per turn.
      met:
        trips('decision').after.maxBesidesCacheRefresh <= 1 &&
        trips('decision').after.cacheRefreshTurns <= 1,
    },
    {
      target: 'no query on the hot paths (decision, intake step, refresh; in and after the turn)',
      measured: hot
        .map((r) => `${r.subject} ${r.inTurn.maxQueries}+${r.after.maxQueries}`)
        .join(', '),
      met: hot.every((r) => r.inTurn.maxQueries + r.after.maxQueries === 0),
    },
    ...scaled.map((s) => ({
      target: `${s.subject === 'decision' ? 'decision' : '`casus <nummer>`'} p50 at ${results.store.large} casussen ≤ 1.2× at ${results.store.small}`,
      measured: `${fixed(s.largeP50Ms, 1)} ms vs ${fixed(s.smallP50Ms, 1)} ms = ${fixed(s.ratio)}× (floor-relative ${fixed(s.floorRelativeRatio)}×)`,
      met: s.ratio <= 1.2,
    })),
    {
      target: `every card ≤ ${MAX_CARD_BYTES / 1024} KB`,
      measured: `largest ${fixed(largestCard / 1024, 1)} KB`,
      met: largestCard <= MAX_CARD_BYTES,
    },
    {
      target: 'bot peak RSS ≤ 250 MB under load',
      measured: `${mb(botPeak)} (the floor process, same harness: ${mb(floorPeak)})`,
      met: botPeak <= 250 * 2 ** 20,
    },
    {
      target: '≤ 150 RU per casus lifecycle (intake to close)',
      measured: `${fixed(results.lifecycle.ru.total, 0)} RU (estimated)`,
      met: results.lifecycle.ru.total <= 150,
    },
  ];
}
