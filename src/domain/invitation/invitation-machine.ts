import { z } from 'zod';

/** Every state an invitation can be in. */
export const invitationStateSchema = z.enum([
  'voorgesteld',
  'goedgekeurd',
  'afgewezen',
  'ondertekend',
  'beeindigd',
  'verlopen',
]);
export type InvitationState = z.infer<typeof invitationStateSchema>;

export const invitationStateLabels: Record<InvitationState, string> = {
  voorgesteld: 'Voorgesteld',
  goedgekeurd: 'Goedgekeurd, wacht op ondertekening',
  afgewezen: 'Afgewezen',
  ondertekend: 'Ondertekend: deelnemer voor deze casus',
  beeindigd: 'Beëindigd',
  verlopen: 'Verlopen',
};

/** Everything that can happen to an invitation. */
export const invitationActionSchema = z.enum([
  'goedkeuren',
  'afwijzen',
  'ondertekenen',
  /** The table ends the participation (or withdraws an approved, unsigned invitation). */
  'beeindigen',
  /** The casus closed: its participations end, open invitations lapse. */
  'casus-gesloten',
  /** The casus moved to the other table (afschalen, an accepted opschaling): the former table's undecided proposals lapse. */
  'tafel-gewisseld',
]);
export type InvitationAction = z.infer<typeof invitationActionSchema>;

/** Who acts: the overheidsdeelnemers of the table, the invitee, or the casus's own course. */
export type InvitationActor = 'overheidsdeelnemers' | 'genodigde' | 'casus';

export interface InvitationTransition {
  to: InvitationState;
  by: InvitationActor;
  /** The article the step rests on, quoted on the audit line. */
  legalBasis: string;
}

const decision = 'art. 2.21 lid 1 BGS jo. art. 2.27 WGS';
const signing = 'art. 2.21 lid 2 BGS';
const duration = 'art. 2.31 lid 9–10 WGS jo. art. 2.21 BGS';
const tableChanged = 'art. 2.21 lid 1 BGS jo. art. 2.27 WGS';

/**
 * The invitation state machine, a record over every state like the casus machine: a new state that
 * is not handled here fails the build; an action missing from a state is not allowed there.
 */
export const invitationTransitions: Record<
  InvitationState,
  Partial<Record<InvitationAction, InvitationTransition>>
> = {
  voorgesteld: {
    goedkeuren: { to: 'goedgekeurd', by: 'overheidsdeelnemers', legalBasis: decision },
    afwijzen: { to: 'afgewezen', by: 'overheidsdeelnemers', legalBasis: decision },
    'casus-gesloten': { to: 'verlopen', by: 'casus', legalBasis: duration },
    'tafel-gewisseld': { to: 'verlopen', by: 'casus', legalBasis: tableChanged },
  },
  goedgekeurd: {
    ondertekenen: { to: 'ondertekend', by: 'genodigde', legalBasis: signing },
    beeindigen: { to: 'beeindigd', by: 'overheidsdeelnemers', legalBasis: duration },
    // Never signed, so never a deelnemer: the invitation lapses and its links stop working.
    'casus-gesloten': { to: 'verlopen', by: 'casus', legalBasis: duration },
  },
  afgewezen: {},
  ondertekend: {
    beeindigen: { to: 'beeindigd', by: 'overheidsdeelnemers', legalBasis: duration },
    'casus-gesloten': { to: 'beeindigd', by: 'casus', legalBasis: duration },
  },
  beeindigd: {},
  verlopen: {},
};

export function invitationTransitionFor(
  state: InvitationState,
  action: InvitationAction,
): InvitationTransition | undefined {
  return invitationTransitions[state][action];
}

/** Only a signed invitation makes its invitee a deelnemer, and only until it ends. */
export function isParticipating(state: InvitationState): boolean {
  return state === 'ondertekend';
}

/** Still going somewhere: closing the casus ends or lapses these. */
export function isLive(state: InvitationState): boolean {
  return Object.keys(invitationTransitions[state]).length > 0;
}
