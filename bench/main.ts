// `npm run bench` (BENCH_QUICK=1 for a short smoke run): the bot against a bare botbuilder floor,
// in the same harness, with the embedded store. Prints a table and writes bench-results/latest.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { formatReport } from './report/table';
import { evaluateTargets } from './report/targets';
import { runBench } from './run';
import { settingsFromEnv } from './settings';

async function main(): Promise<void> {
  const settings = settingsFromEnv(process.env);
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const results = await runBench(settings, log);
  const targets = evaluateTargets(results);
  await mkdir('bench-results', { recursive: true });
  const file = `bench-results/${settings.mode === 'full' ? 'latest' : settings.mode}.json`;
  await writeFile(file, `${JSON.stringify({ ...results, targets }, null, 2)}\n`);
  process.stdout.write(`${formatReport(results, targets)}\n\nWritten: ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
