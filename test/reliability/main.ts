// `npm run test:reliability` (RELIABILITY_ONLY=name,name for some sections): load, faults,
// several instances and hostile input, with figures. Prints one table, writes
// test-results/reliability.json, and exits non-zero when a figure misses its target.
import { mkdir, writeFile } from 'node:fs/promises';
import type { ReliabilityContext } from './figures';
import { formatReport, missedIn, type SectionReport } from './report';
import { sections } from './sections';

async function main(): Promise<number> {
  const only = process.env.RELIABILITY_ONLY?.split(',').filter(Boolean);
  const chosen = sections.filter((section) => !only || only.includes(section.name));
  if (chosen.length === 0)
    throw new Error(`no section to run (RELIABILITY_ONLY=${only?.join(',')})`);
  const context: ReliabilityContext = {
    logLines: [],
    sections: chosen.map((section) => section.name),
    note: (line) => process.stderr.write(`reliability: ${line}\n`),
  };
  const started = performance.now();
  const reports: SectionReport[] = [];
  for (const section of chosen) {
    context.note(`${section.title}…`);
    const begun = performance.now();
    const report: SectionReport = { title: section.title, seconds: 0, figures: [] };
    try {
      report.figures = await section.run(context);
      if (report.figures.length === 0) report.error = 'no figure reported';
    } catch (error) {
      report.error = error instanceof Error ? error.message.slice(0, 200) : String(error);
      context.note(
        `${section.title} failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
    }
    report.seconds = (performance.now() - begun) / 1000;
    reports.push(report);
  }
  const total = (performance.now() - started) / 1000;
  await mkdir('test-results', { recursive: true });
  await writeFile(
    'test-results/reliability.json',
    `${JSON.stringify({ date: new Date().toISOString(), seconds: total, sections: reports }, null, 2)}\n`,
  );
  process.stdout.write(`${formatReport(reports, total)}\n`);
  return missedIn(reports) === 0 ? 0 : 1;
}

main().then(
  // Whatever a section left running (a timer, a socket) must not keep the run from ending.
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `reliability suite failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
