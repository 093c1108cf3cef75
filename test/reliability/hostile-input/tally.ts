// The barrage's counts, per bot and hostile kind, and the lines that show them.
import { columns } from '../../helpers/text-table';
import type { Found, Leak } from './inspect';
import type { Answered } from './send';

/** Teams gives up on an answer after 5 s. */
export const TEAMS_LIMIT_MS = 5000;

interface Counts {
  sent: number;
  statuses: Map<string, number>;
  server: number;
  slow: number;
  leaks: number;
  unrefused: number;
  slowest: number;
}

export class Tally {
  private readonly rows = new Map<string, Counts>();
  readonly leaks = new Map<Leak, number>();
  /** A few examples of each failure, for the report. */
  readonly examples: string[] = [];

  private row(key: string): Counts {
    let row = this.rows.get(key);
    if (!row) {
      row = {
        sent: 0,
        statuses: new Map(),
        server: 0,
        slow: 0,
        leaks: 0,
        unrefused: 0,
        slowest: 0,
      };
      this.rows.set(key, row);
    }
    return row;
  }

  private example(what: string, answered: Answered, mode: string): void {
    const sort = what.replace(/ \(.*/, '');
    if (this.examples.filter((line) => line.startsWith(sort)).length >= 4) return;
    const body = answered.request.body.toString().slice(0, 160);
    this.examples.push(
      `${what}: ${mode} ${answered.request.kind}${answered.request.auth ? ` (${answered.request.auth})` : ''} → ${answered.status ?? answered.failure} in ${Math.round(answered.ms)} ms: ${answered.text.slice(0, 160)} ← ${body}`,
    );
  }

  answer(mode: string, answered: Answered): void {
    const row = this.row(`${mode} ${answered.request.kind}`);
    row.sent++;
    const status = String(answered.status ?? answered.failure ?? 'none');
    row.statuses.set(status, (row.statuses.get(status) ?? 0) + 1);
    row.slowest = Math.max(row.slowest, answered.ms);
    if (answered.status !== undefined && answered.status >= 500) {
      row.server++;
      this.example('5xx', answered, mode);
    }
    if (answered.status === undefined || answered.ms > TEAMS_LIMIT_MS) {
      row.slow++;
      this.example('slow or none', answered, mode);
    }
  }

  leak(mode: string, answered: Answered, found: Found[]): void {
    if (found.length === 0) return;
    this.row(`${mode} ${answered.request.kind}`).leaks++;
    for (const { leak, detail } of found) {
      this.leaks.set(leak, (this.leaks.get(leak) ?? 0) + 1);
      this.example(`leak ${leak} (${detail})`, answered, mode);
    }
  }

  /** A production request without a valid token that was not refused as it must be. */
  unrefused(answered: Answered, why: string): void {
    this.row(`production ${answered.request.kind}`).unrefused++;
    this.example(`unrefused (${why})`, answered, 'production');
  }

  total(field: 'sent' | 'server' | 'slow' | 'leaks' | 'unrefused'): number {
    return [...this.rows.values()].reduce((sum, row) => sum + row[field], 0);
  }

  lines(): string[] {
    const rows = [['bot kind', 'sent', 'answers', '5xx', '>5 s', 'leaks', 'not 401', 'slowest']];
    for (const [key, row] of [...this.rows].sort(([a], [b]) => a.localeCompare(b))) {
      const statuses = [...row.statuses]
        .sort(([, a], [, b]) => b - a)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ');
      rows.push([
        key,
        String(row.sent),
        statuses,
        String(row.server),
        String(row.slow),
        String(row.leaks),
        String(row.unrefused),
        `${Math.round(row.slowest)} ms`,
      ]);
    }
    return columns(rows);
  }
}
