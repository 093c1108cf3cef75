import { columns } from '../../test/helpers/text-table';
import type { PhaseCount } from '../measure/round-trips';
import { RU_FORMULA } from '../measure/request-units';
import type { Spread } from '../measure/stats';
import type { BenchResults } from '../run';
import { scaling, subjectFigures } from './aggregate';
import type { Target } from './targets';

const labels: Record<string, string> = {
  floor: 'Floor (bare invoke)',
  floorStore: 'Floor with store',
  decision: 'Decision (accepteren)',
  intake: 'Intake step',
  refresh: 'Refresh',
  casusNummer: 'casus <nummer>',
  casuslijst: 'Casuslijst',
};

const num = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const range = (s: Spread, digits: number) =>
  `${num(s.median, digits)} (${num(s.min, digits)}–${num(s.max, digits)})`;

const breakdown = (phase: PhaseCount) =>
  Object.entries(phase.byCall)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([call, count]) => `${count} ${call}`)
    .join(', ') || '-';

const trips = (phase: PhaseCount) =>
  `${phase.roundTrips}${phase.maxRoundTrips > phase.roundTrips ? ` (max ${phase.maxRoundTrips})` : ''}, ${phase.queries} q`;

export function formatReport(results: BenchResults, targets: Target[]): string {
  const { settings, machine, store } = results;
  const lines: string[] = [];
  lines.push(
    `casusbot bench (${settings.mode}) · Node ${machine.node} · ${machine.cpus} CPUs · load ${machine.loadAverageAtStart[0]?.toFixed(1)} → ${machine.loadAverageAtEnd[0]?.toFixed(1)} · ${(results.durationMs / 1000).toFixed(0)} s`,
    `${store.large} casussen in the store (the scaling row: ${store.small}), ${store.registryPersons} extra registry persons; ${settings.pairs} interleaved rounds of ${(settings.batchMs / 1000).toFixed(1)} s batches per concurrency, after a warm-up`,
    '',
    'Throughput and latency: median over the rounds (min–max); ratios to the floors of the same round',
  );
  const header = [
    'subject',
    'c',
    'failed',
    'turns/s',
    'p50 ms',
    'p99 ms',
    '× floor',
    '× floor+store',
    'card KB',
    'peak RSS MB',
  ];
  const rows = subjectFigures(results).map((f) => [
    labels[f.subject] ?? f.subject,
    String(f.concurrency),
    f.failed ? `${f.failed} of ${f.failed + f.turns}` : '0',
    range(f.perSecond, 0),
    range(f.p50Ms, 1),
    range(f.p99Ms, 0),
    range(f.vsFloor, 3),
    range(f.vsFloorStore, 2),
    num(Math.max(f.answerCardBytes, f.sentCardBytes) / 1024, 1),
    num(f.peakRssBytes / 2 ** 20, 0),
  ]);
  lines.push(...columns([header, ...rows]));
  const failures = results.batches.filter((b) => b.failed > 0);
  if (failures.length > 0) {
    lines.push(
      'FAILED TURNS (kept out of the figures above; the bot answered, but not with what the turn must do):',
      ...failures.map(
        (b) =>
          `  ${b.subject} c=${b.concurrency} round ${b.pair}: ${b.failed}; ${b.failures[0] ?? ''}`,
      ),
    );
  }
  lines.push('');

  lines.push(
    `Store round trips per turn at ${store.large} casussen (median of ${settings.countedTurns} turns, each alone; counted at the SDK's HTTP boundary in the process)`,
  );
  const tripRows = results.roundTrips.map((r) => [
    labels[r.subject] ?? r.subject,
    trips(r.inTurn),
    trips(r.after),
    String(r.notifications),
    num(r.estimatedRu, 1),
  ]);
  lines.push(
    ...columns([
      ['subject', 'in the turn', 'after it', 'cards sent after', '~RU per turn'],
      ...tripRows,
    ]),
    '  (q: queries; the plan of a query is a round trip of its own, not counted as a query)',
    ...results.roundTrips.flatMap((r) => [
      `  ${labels[r.subject] ?? r.subject}: in the turn ${breakdown(r.inTurn)}`,
      ...(r.after.roundTrips > 0
        ? [`  ${' '.repeat((labels[r.subject] ?? r.subject).length)}  after ${breakdown(r.after)}`]
        : []),
    ]),
    '',
  );

  for (const s of scaling(results)) {
    lines.push(
      `Scaling, ${labels[s.subject]} p50 at c=1: ${num(s.smallP50Ms, 1)} ms at ${store.small} casussen → ${num(s.largeP50Ms, 1)} ms at ${store.large} (${num(s.ratio, 2)}×; in units of the floor with store of the same rounds ${num(s.floorRelativeRatio, 2)}×)`,
    );
  }
  const { lifecycle } = results;
  lines.push(
    `Lifecycle (intake to close, ${lifecycle.turns} turns, at ${store.large} casussen): ${lifecycle.roundTrips.inTurns} round trips in the turns + ${lifecycle.roundTrips.after} after (${lifecycle.roundTrips.queries} queries); closed document ${num(lifecycle.closedDocumentBytes / 1024, 1)} KB`,
    `  ~${num(lifecycle.ru.total, 0)} RU estimated: ${Object.entries(lifecycle.ru.byKind)
      .map(([kind, ru]) => `${kind} ${num(ru, 1)}`)
      .join(', ')}`,
    `  the store reported ${num(lifecycle.ru.reported, 0)} RU${lifecycle.ru.reportedIsPlaceholder ? ' (the embedded store answers 1 per request: a placeholder, not used)' : ''}`,
    RU_FORMULA,
    '',
    `After a full gc at the end: bot live heap ${num(results.memoryAfterGc.bot.liveHeapBytes / 2 ** 20, 0)} MB of ${num(results.memoryAfterGc.bot.heapTotalBytes / 2 ** 20, 0)} MB V8 holds; floor ${num(results.memoryAfterGc.floor.liveHeapBytes / 2 ** 20, 0)} of ${num(results.memoryAfterGc.floor.heapTotalBytes / 2 ** 20, 0)} MB`,
    "  (peak RSS is the process's high-water mark over a batch and its deliveries; it does not come down between batches)",
    `Error log lines of the bot and the floor: ${results.errorLogs.length}`,
    '',
    'Targets (issue 14)',
    ...columns(targets.map((t) => [t.met ? 'met' : 'NOT MET', t.target, t.measured])).map(
      (l) => `  ${l}`,
    ),
  );
  return lines.join('\n');
}
