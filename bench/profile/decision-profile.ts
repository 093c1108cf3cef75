// `BENCH_CPU_PROF=<folder> tsx bench/profile/decision-profile.ts`: the decision subject alone at
// c=10 on a 1,000-casus store, with the bot's CPU profiled over the measured batches (and their
// deliveries) only. Analyse with bench/profile/analyse-profile.ts.
import { readFileSync } from 'node:fs';
import { runBatch } from '../harness/load';
import { countRoundTrips } from '../measure/round-trips';
import { startHarness } from '../harness/harness';
import { regionRegistry, writeAll } from '../harness/seed';
import { StorePlan } from '../harness/store-plan';
import { makeTemplates, openChats } from '../run';
import { botSubjects, type BotFixtures } from '../subjects/bot-subjects';

const BATCHES = Number(process.env.BENCH_PROFILE_BATCHES ?? 4);
const CONCURRENCY = Number(process.env.BENCH_PROFILE_CONCURRENCY ?? 10);

/** The bot's CPU time so far (user + system), from /proc: to compare with the profile's busy time. */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
};

async function main(): Promise<void> {
  if (!process.env.BENCH_CPU_PROF) throw new Error('set BENCH_CPU_PROF to a folder');
  const log = (line: string) => process.stderr.write(`profile: ${line}\n`);
  const harness = await startHarness();
  try {
    const fixtures: BotFixtures = { decisions: undefined, drafts: undefined, viewable: [] };
    const decision = botSubjects({ serviceUrl: harness.connector.serviceUrl }, fixtures).find(
      (subject) => subject.name === 'decision',
    )!;
    await writeAll(harness.registry, regionRegistry(300), 'upsert');
    await openChats(harness);
    const { templates } = await makeTemplates(harness);
    const plan = new StorePlan(harness, templates);
    Object.assign(fixtures, await plan.fill(1000, { decisions: 300, drafts: 0, open: 20 }));
    log('store filled; warming up');
    for (let i = 0; i < 3; i++) await runBatch(harness, decision, CONCURRENCY, 1500);
    log(
      `round trips of one decision: ${JSON.stringify(await countRoundTrips(harness, decision, 3))}`,
    );
    harness.bot.child.kill('SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const botCpu = cpuMs(harness.bot.child.pid!);
    const started = performance.now();
    let turns = 0;
    let cpu = process.cpuUsage();
    for (let i = 0; i < BATCHES; i++) {
      const batch = await runBatch(harness, decision, CONCURRENCY, 2000);
      turns += batch.turns;
      log(
        `batch ${i + 1}: ${batch.turns} turns, card ${batch.answerCardBytes} B, sent ${batch.sentCardBytes} B, ${batch.perSecond.toFixed(1)}/s, failed ${batch.failed}`,
      );
    }
    cpu = process.cpuUsage(cpu);
    log(`bot CPU over the batches: ${cpuMs(harness.bot.child.pid!) - botCpu} ms`);
    harness.bot.child.kill('SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    log(
      `profiled ${turns} decisions in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
        `(driver CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`,
    );
  } finally {
    await harness.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
