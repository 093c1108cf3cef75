import type { Casus, CasusState, OutboxEntry } from '../casus/casus.schema';

/** The states in which the ZVH is involved: its thread hears of every step then. */
const zvhStates: readonly CasusState[] = ['opschaling_aangevraagd', 'in_behandeling_zvh'];

/**
 * The kamers whose thread reports an entry: the Lokale Kamer always (the casus is hers from
 * aanmelding to the end), the ZVH from the escalation request up to and including the step that
 * hands the casus back (afschalen, a refused escalation) or closes it. A deadline notice goes
 * where the step it is about is.
 */
export function channelThreadKamers(
  casus: Pick<Casus, 'audit' | 'kamerId'>,
  entry: Pick<OutboxEntry, 'auditIndex' | 'notice'>,
  zvhId: string | undefined,
): string[] {
  if (!casus.kamerId) return [];
  const line = entry.auditIndex === undefined ? undefined : casus.audit[entry.auditIndex];
  const states = entry.notice ? [entry.notice.state] : line ? [line.from, line.to] : [];
  const involvesZvh = states.some((state) => state !== null && zvhStates.includes(state));
  return zvhId && involvesZvh ? [casus.kamerId, zvhId] : [casus.kamerId];
}
