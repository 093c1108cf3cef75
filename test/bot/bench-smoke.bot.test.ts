import assert from 'node:assert/strict';
import { formatReport } from '../../bench/report/table';
import { evaluateTargets } from '../../bench/report/targets';
import { runBench, subjectsOrder, type BenchResults } from '../../bench/run';
import { smokeSettings } from '../../bench/settings';
import type { SubjectName } from '../../bench/subjects/subject';

const subjects = subjectsOrder;

// No timing is asserted: the machine is shared. What is asserted is that the harness measured
// what it says it measured (every turn's answer is checked by the bench itself as it runs).
describe('npm run bench: a short run of the whole harness gives sane figures', function () {
  this.timeout(300_000);
  let results: BenchResults;

  before(async () => {
    results = await runBench(smokeSettings, () => undefined);
  });

  it('ran every subject at every concurrency, each turn answered and its card checked', () => {
    for (const subject of subjects) {
      for (const concurrency of smokeSettings.concurrencies) {
        const runs = results.batches.filter(
          (b) => b.phase === 'large' && b.subject === subject && b.concurrency === concurrency,
        );
        assert.equal(runs.length, smokeSettings.pairs, `${subject} at c=${concurrency}`);
        for (const run of runs) {
          assert.ok(run.turns > 0 && run.perSecond > 0, `${subject} c=${concurrency} answered`);
          assert.equal(run.failed, 0, `${subject} c=${concurrency}: ${run.failures.join('; ')}`);
          assert.ok(run.p99Ms >= run.p50Ms && run.p50Ms > 0);
          assert.ok(run.answerCardBytes > 0);
          assert.ok(run.peakRssBytes > 10 * 2 ** 20, 'a peak RSS of a Node process');
        }
      }
    }
    assert.ok(results.batches.some((b) => b.phase === 'small' && b.subject === 'decision'));
    assert.deepEqual(results.errorLogs, []);
  });

  it('counts the floors exactly: none for the bare one, one read and one replace with the store', () => {
    const trips = (subject: SubjectName) => results.roundTrips.find((r) => r.subject === subject);
    assert.equal(trips('floor')?.inTurn.roundTrips, 0);
    assert.deepEqual(trips('floorStore')?.inTurn.byCall, {
      'documents read': 1,
      'documents replace': 1,
    });
    assert.equal(trips('floorStore')?.after.roundTrips, 0);
  });

  it("counts the bot's store round trips per turn, and the notifier's after a decision", () => {
    for (const subject of subjects.filter((s) => !s.startsWith('floor'))) {
      const trips = results.roundTrips.find((r) => r.subject === subject);
      assert.ok(trips && trips.inTurn.roundTrips > 0, `${subject} reads the store`);
    }
    const decision = results.roundTrips.find((r) => r.subject === 'decision');
    // The decision's own write is the turn's; the delivery's reads and writes come after it.
    assert.ok((decision?.inTurn.byCall['casussen replace'] ?? 0) >= 1);
    assert.ok((decision?.after.roundTrips ?? 0) > 0);
    assert.ok((decision?.notifications ?? 0) > 0, 'the notifier sent cards');
  });

  it('estimates the RU of a casus from intake to close from what the store was sent and gave', () => {
    const { lifecycle } = results;
    assert.equal(lifecycle.turns, 10);
    assert.ok(lifecycle.roundTrips.inTurns > 0 && lifecycle.roundTrips.after > 0);
    assert.ok(lifecycle.ru.total > 0);
    assert.ok((lifecycle.ru.byKind.replace ?? 0) > 0 && (lifecycle.ru.byKind.read ?? 0) > 0);
    assert.equal(lifecycle.ru.reportedIsPlaceholder, true, 'the embedded store reports 1 each');
  });

  it('judges every target and prints the table with both floors and the ratios', () => {
    const targets = evaluateTargets(results);
    assert.equal(targets.length, 14);
    const report = formatReport(results, targets);
    for (const label of ['Floor (bare invoke)', 'Floor with store', '× floor+store', 'Targets'])
      assert.ok(report.includes(label), label);
    assert.equal((report.match(/^ {2}(met|NOT MET) /gm) ?? []).length, targets.length);
  });
});
