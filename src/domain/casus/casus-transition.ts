import { withAlert, type CasusDeadline } from '../deadlines/casus-deadline';
import { deadlineFor, deadlineStateSchema, type Termijnen } from '../deadlines/termijnen';
import { appendAuditLine } from './audit-chain';
import { channelEntriesOf } from '../channel/channel-entries';
import { closeInvitations, lapseProposalsElsewhere } from '../invitation/lifecycle';
import type { Organisation, Person } from '../registry/registry.schema';
import type { CasusAction, Transition } from './casus-machine';
import type { Casus, OutboxEntry, PersonRef } from './casus.schema';
import type { CloseReason } from './close-reason';
import type { Authority } from './decision-rights';
import type { Bewaartermijnen } from '../retention/bewaartermijnen';
import { startClock, termFor } from '../retention/retention-clock';

export function personRef(person: Person, organisation: Organisation): PersonRef {
  return {
    id: person.id,
    name: person.name,
    organisationId: organisation.id,
    organisationName: organisation.name,
  };
}

export interface TransitionInput {
  action: CasusAction;
  transition: Transition;
  actor: PersonRef;
  authority: Authority;
  at: string;
  motivation?: string;
  closeReason?: CloseReason;
  activityId?: string;
  /** Other fields the transition sets (kamer and number at submit, for instance). */
  changes?: Partial<Omit<Casus, 'state' | 'revision' | 'audit' | 'auditHead' | 'outbox'>>;
  /** Notifications to send once this write has succeeded; they report this transition's audit line. */
  notify?: Omit<OutboxEntry, 'auditIndex'>[];
  /**
   * The termijnen of the kamer that must act in the new state (the ZVH's for an escalation
   * request): the new step's deadline is written with it. Without them, no deadline is set.
   */
  termijnen?: Termijnen;
  /** The casus's kamer's bewaartermijnen: closing or rejecting starts the casus's clock with them. */
  bewaartermijnen?: Bewaartermijnen;
}

/** The deadline of the step a transition enters, if that step has a termijn. */
function deadlineOf(input: TransitionInput): CasusDeadline | undefined {
  const step = deadlineStateSchema.safeParse(input.transition.to);
  if (!step.success || !input.termijnen) return undefined;
  const times = deadlineFor(step.data, input.at, input.termijnen[step.data]);
  return withAlert({ ...times, notified: 'geen' });
}

/** In behandeling at one table before, at the other one after (opschaling accepted, afschalen). */
function movesTable(from: Casus['state'], to: Casus['state']): boolean {
  return (
    (from === 'in_behandeling_zvh' && to === 'in_behandeling_lokaal') ||
    (from === 'opschaling_aangevraagd' && to === 'in_behandeling_zvh')
  );
}

/**
 * The casus after a transition: new state, one more audit line, its notifications in the outbox,
 * one revision up, the audit chain extended. Pure; the caller writes it with the ETag it read, so it happens once or not at all.
 */
export function applyTransition(casus: Casus, input: TransitionInput): Casus {
  const chained = appendAuditLine(casus, {
    at: input.at,
    actor: {
      ...input.actor,
      role: input.authority.role,
      ...(input.authority.kamerId && { kamerId: input.authority.kamerId }),
    },
    onBehalfOf: input.authority.onBehalfOf,
    action: input.action,
    from: casus.state,
    to: input.transition.to,
    motivation: input.motivation,
    ...(input.closeReason && { closeReason: input.closeReason }),
    legalBasis: input.transition.legalBasis,
    activityId: input.activityId,
  });
  const next: Casus = {
    ...casus,
    ...input.changes,
    deadline: deadlineOf(input),
    revision: casus.revision + 1,
    state: input.transition.to,
    // WGS art. 2.31 lid 9–10: incidentele deelnemers take part for the duration of the casus only.
    ...(input.transition.to === 'afgesloten' && {
      invitations: closeInvitations(casus.invitations, input.at),
    }),
    // The other table takes the casus over: the former table's open proposals lapse (lifecycle.ts).
    ...(movesTable(casus.state, input.transition.to) && {
      invitations: lapseProposalsElsewhere(
        casus.invitations,
        (tableId) =>
          (tableId === casus.kamerId) === (input.transition.to === 'in_behandeling_lokaal'),
        input.at,
      ),
    }),
    ...chained,
    outbox: [
      ...casus.outbox,
      ...(input.notify ?? []).map((entry) => ({ ...entry, auditIndex: casus.audit.length })),
      ...channelEntriesOf(chained.audit),
    ],
  };
  const months = input.bewaartermijnen && termFor(input.transition.to, input.bewaartermijnen);
  if (months !== undefined) next.retention = startClock(input.at, months);
  // The step left behind takes its termijn along; a stored `undefined` would not survive JSON anyway.
  if (!next.deadline) delete next.deadline;
  return next;
}
