import { urgenties } from '../intake/vocabulary';
import type { Prioritisation } from '../registry/registry.schema';
import type { CasusListRow } from './casus-list-row';

export interface RankedCasus {
  casus: CasusListRow;
  score: number;
  /** Each criterion that added points, in words: the position must be explainable. */
  reasons: string[];
  /** Its step's termijn has passed: it comes before every casus still within its termijn. */
  overdue: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Orders a kamer's open casussen by the objective criteria its overheidsdeelnemers set: urgency,
 * whether a doorbraak is needed, and waiting time since aanmelding. Ties go to the longest waiting.
 * A casus whose termijn has passed rises above the others whatever its score: nobody chases a casus
 * that already waits too long (among the overdue ones the criteria decide again).
 */
export function prioritise(
  casussen: readonly CasusListRow[],
  criteria: Prioritisation,
  now: Date,
): RankedCasus[] {
  return casussen
    .map((casus) => {
      const submittedAt = casus.submittedAt ?? casus.createdAt;
      const days = Math.max(0, Math.floor((now.getTime() - Date.parse(submittedAt)) / DAY_MS));
      const urgency = casus.urgentie ?? 'normaal';
      const parts: [number, string][] = [
        [criteria.urgency[urgency], `urgentie ${urgenties.labels[urgency].toLowerCase()}`],
        [casus.doorbraakNodig ? criteria.doorbraak : 0, 'doorbraak nodig'],
        [days * criteria.perWaitingDay, `${days} ${days === 1 ? 'dag' : 'dagen'} wachtend`],
      ];
      const score = parts.reduce((sum, [points]) => sum + points, 0);
      const reasons = parts
        .filter(([points]) => points > 0)
        .map(([points, why]) => `${why} (+${points})`);
      const overdue = casus.dueAt !== undefined && Date.parse(casus.dueAt) <= now.getTime();
      return { casus, score, reasons, overdue, submittedAt };
    })
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        b.score - a.score ||
        a.submittedAt.localeCompare(b.submittedAt),
    )
    .map(({ casus, score, reasons, overdue }) => ({ casus, score, reasons, overdue }));
}
