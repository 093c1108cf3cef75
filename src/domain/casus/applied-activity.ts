import type { CasusAction } from './casus-machine';
import type { Casus } from './casus.schema';

/** Whose change, and which: a draft step (no action) or one audited action. */
export interface ActivityChange {
  activityId: string | undefined;
  personId: string;
  action?: CasusAction;
}

/**
 * Whether the change one Teams activity asked for is already in the casus. Teams may deliver an
 * activity twice, and a write's answer can be lost after the store applied it: both must end as
 * "vastgelegd", never as a second change or as "er is niets gewijzigd". Decisions and submits leave
 * the activity id on their audit line, intake steps on the draft. The same id from someone else,
 * or for another action, is not this change.
 */
export function recordsActivity(
  casus: Pick<Casus, 'audit' | 'intake' | 'createdBy'>,
  change: ActivityChange,
): boolean {
  const { activityId, personId, action } = change;
  if (activityId === undefined) return false;
  if (action === undefined)
    return casus.intake.activityId === activityId && casus.createdBy.id === personId;
  return casus.audit.some(
    (entry) =>
      entry.activityId === activityId && entry.actor.id === personId && entry.action === action,
  );
}

/** The audit line this activity wrote, if any. */
export function auditLineOf(casus: Pick<Casus, 'audit'>, activityId: string | undefined) {
  return activityId === undefined
    ? undefined
    : casus.audit.find((entry) => entry.activityId === activityId);
}
