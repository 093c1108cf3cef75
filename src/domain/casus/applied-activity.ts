import type { Casus } from './casus.schema';

/**
 * Whether the change one Teams activity asked for is already in the casus. Teams may deliver an
 * activity twice, and a write's answer can be lost after the store applied it: both must end as
 * "vastgelegd", never as a second change or as "er is niets gewijzigd". Decisions and submits leave
 * the activity id on their audit line, intake steps on the draft.
 */
export function recordsActivity(
  casus: Pick<Casus, 'audit' | 'intake'>,
  activityId: string | undefined,
): boolean {
  if (activityId === undefined) return false;
  return (
    casus.intake.activityId === activityId ||
    casus.audit.some((entry) => entry.activityId === activityId)
  );
}
