import { columns } from '../helpers/text-table';
import type { Figure } from './figures';

export interface SectionReport {
  title: string;
  seconds: number;
  figures: Figure[];
  /** When the section itself failed (threw): counted as a missed figure. */
  error?: string;
}

/** One table for the whole run: every figure with its target, and the sections' run times. */
export function formatReport(sections: readonly SectionReport[], totalSeconds: number): string {
  const rows: string[][] = [['section', 'figure', 'value', 'target', '']];
  for (const section of sections) {
    const title = `${section.title} (${section.seconds.toFixed(0)} s)`;
    if (section.error)
      rows.push([title, 'the section ran to its end', section.error, 'yes', 'MISSED']);
    section.figures.forEach((figure, i) =>
      rows.push([
        i === 0 && !section.error ? title : '',
        figure.name,
        figure.value,
        figure.target,
        figure.met ? 'met' : 'MISSED',
      ]),
    );
  }
  const missed = missedIn(sections);
  return [
    `casusbot reliability suite · Node ${process.version} · ${totalSeconds.toFixed(0)} s`,
    ...columns(rows),
    missed === 0 ? 'Every figure met.' : `${missed} figure(s) MISSED.`,
  ].join('\n');
}

export const missedIn = (sections: readonly SectionReport[]): number =>
  sections.reduce(
    (sum, section) =>
      sum + (section.error ? 1 : 0) + section.figures.filter((figure) => !figure.met).length,
    0,
  );
