// The matrix as the bot showed it, one line per action: per actor kind one mark per column.
import { actorKinds, actorOrder } from './actors';
import type { CellResult } from './cells';
import { casusColumns, NO_CASUS, type Column } from './matrix';

const mark = (cell: CellResult | undefined): string => {
  if (!cell) return ' ';
  if (cell.allowed === undefined) return 'E';
  if (cell.allowed === cell.documented) return cell.allowed ? 'X' : '.';
  return cell.allowed ? '!' : '?';
};

const columnLetters = 'cavxLoZts';

export function legend(): string[] {
  return [
    `columns: ${casusColumns.map((c, i) => `${columnLetters[i] ?? '?'} ${c}`).join(', ')}; one mark: no casus`,
    'marks: X allowed and documented so, . refused and documented so, ! allowed but documented refused, ? refused but documented allowed, E the try failed',
    `actors: ${actorOrder.map((a) => `${a} (${actorKinds[a]})`).join('; ')}`,
  ];
}

/** One line per action, the actors side by side. */
export function matrixLines(results: readonly CellResult[]): string[] {
  const byAction = new Map<string, Map<string, CellResult>>();
  for (const cell of results) {
    const cells = byAction.get(cell.action) ?? new Map<string, CellResult>();
    cells.set(`${cell.actor}|${cell.column}`, cell);
    byAction.set(cell.action, cells);
  }
  const width = Math.max(...[...byAction.keys()].map((a) => a.length));
  const header = `${'action'.padEnd(width)}  ${actorOrder.map((a) => a.slice(0, 9).padEnd(9)).join(' ')}`;
  const lines = [header];
  for (const [action, cells] of byAction) {
    const onCasus = cells.has(`${actorOrder[0]}|${casusColumns[0]}`);
    const columns: readonly Column[] = onCasus ? casusColumns : [NO_CASUS];
    const marks = actorOrder.map((actor) =>
      columns
        .map((column) => mark(cells.get(`${actor}|${column}`)))
        .join('')
        .padEnd(9),
    );
    lines.push(`${action.padEnd(width)}  ${marks.join(' ')}`);
  }
  return lines;
}

/**
 * What to look at: cells that differ from the matrix, changed the store, held casus data, left
 * the access log wrong or served a tampered link.
 */
export function findings(results: readonly CellResult[], most = 40): string[] {
  const where = (c: CellResult) => `${c.action} × ${c.actor} × ${c.column}`;
  const lines = results.flatMap((c) => [
    ...(c.error ? [`failed: ${where(c)}: ${c.error}`] : []),
    ...(c.allowed !== undefined && c.allowed !== c.documented
      ? [
          `differs: ${where(c)}: documented ${c.documented ? 'allowed' : 'refused'}, the bot ${c.allowed ? 'allowed' : 'refused'}`,
        ]
      : []),
    ...(c.allowed !== true && c.changed ? [`refused but changed the store: ${where(c)}`] : []),
    ...(c.leaked.length > 0
      ? [`casus data in the answer: ${where(c)}: ${c.leaked.join(', ')}`]
      : []),
    ...(c.unrecorded ? [`shown or changed, not in the access log: ${where(c)}`] : []),
    ...c.falseRecords.map((record) => `untrue access record: ${where(c)}: ${record}`),
    ...(c.tampered?.served ?? []).map((how) => `tampered link served: ${where(c)}: ${how}`),
  ]);
  return lines.length > most
    ? [...lines.slice(0, most), `… and ${lines.length - most} more`]
    : lines;
}
