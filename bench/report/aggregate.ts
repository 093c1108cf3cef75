import type { BatchSummary, BenchResults } from '../run';
import { median, spread, type Spread } from '../measure/stats';
import type { SubjectName } from '../subjects/subject';

export interface SubjectFigures {
  subject: SubjectName;
  concurrency: number;
  turns: number;
  failed: number;
  perSecond: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  /** Throughput over the floor's, and over the floor with store's, of the same round. */
  vsFloor: Spread;
  vsFloorStore: Spread;
  answerCardBytes: number;
  sentCardBytes: number;
  peakRssBytes: number;
}

const ratios = (
  batches: readonly BatchSummary[],
  of: BatchSummary[],
  baseline: SubjectName,
): number[] =>
  of.map((batch) => {
    const base = batches.find(
      (other) =>
        other.subject === baseline &&
        other.phase === batch.phase &&
        other.concurrency === batch.concurrency &&
        other.pair === batch.pair,
    );
    return base ? batch.perSecond / base.perSecond : Number.NaN;
  });

/** Each subject at each concurrency of one phase: medians over the rounds, and their range. */
export function subjectFigures(
  results: BenchResults,
  phase: BatchSummary['phase'] = 'large',
): SubjectFigures[] {
  const inPhase = results.batches.filter((batch) => batch.phase === phase);
  const keys = [...new Set(inPhase.map((batch) => `${batch.concurrency}|${batch.subject}`))];
  return keys.map((key) => {
    const [concurrency, subject] = key.split('|') as [string, SubjectName];
    const runs = inPhase.filter(
      (batch) => batch.subject === subject && batch.concurrency === Number(concurrency),
    );
    return {
      subject,
      concurrency: Number(concurrency),
      turns: runs.reduce((sum, run) => sum + run.turns, 0),
      failed: runs.reduce((sum, run) => sum + run.failed, 0),
      perSecond: spread(runs.map((run) => run.perSecond)),
      p50Ms: spread(runs.map((run) => run.p50Ms)),
      p99Ms: spread(runs.map((run) => run.p99Ms)),
      vsFloor: spread(ratios(inPhase, runs, 'floor')),
      vsFloorStore: spread(ratios(inPhase, runs, 'floorStore')),
      answerCardBytes: Math.max(...runs.map((run) => run.answerCardBytes)),
      sentCardBytes: Math.max(...runs.map((run) => run.sentCardBytes)),
      peakRssBytes: Math.max(...runs.map((run) => run.peakRssBytes)),
    };
  });
}

export interface Scaling {
  subject: SubjectName;
  /** Median p50 at concurrency 1 in the small store and in the large one. */
  smallP50Ms: number;
  largeP50Ms: number;
  ratio: number;
  /**
   * The same ratio with each p50 first divided by the floor with store's p50 of its round: what
   * the machine's load did between the two phases (minutes apart) cancels out.
   */
  floorRelativeRatio: number;
}

export function scaling(results: BenchResults): Scaling[] {
  const p50 = (subject: SubjectName, phase: BatchSummary['phase']) =>
    median(
      results.batches
        .filter((b) => b.subject === subject && b.phase === phase && b.concurrency === 1)
        .map((b) => b.p50Ms),
    );
  const relative = (subject: SubjectName, phase: BatchSummary['phase']) =>
    median(
      results.batches
        .filter((b) => b.subject === subject && b.phase === phase && b.concurrency === 1)
        .map((b) => {
          const floor = results.batches.find(
            (f) =>
              f.subject === 'floorStore' &&
              f.phase === phase &&
              f.concurrency === 1 &&
              f.pair === b.pair,
          );
          return floor ? b.p50Ms / floor.p50Ms : Number.NaN;
        }),
    );
  return (['decision', 'casusNummer'] as const).map((subject) => {
    const smallP50Ms = p50(subject, 'small');
    const largeP50Ms = p50(subject, 'large');
    return {
      subject,
      smallP50Ms,
      largeP50Ms,
      ratio: largeP50Ms / smallP50Ms,
      floorRelativeRatio: relative(subject, 'large') / relative(subject, 'small'),
    };
  });
}
