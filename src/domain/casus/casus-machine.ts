import { z } from 'zod';
import type { CasusState } from './casus.schema';

/** Everything that can happen to a casus, in the words of the process. */
export const casusActionSchema = z.enum([
  'indienen',
  'accepteren',
  'afwijzen',
  'informatie-vragen',
  'aanvullen',
  'opschalen',
  'opschaling-accepteren',
  'opschaling-weigeren',
  'afschalen',
  'afsluiten',
]);
export type CasusAction = z.infer<typeof casusActionSchema>;

/** Who acts: the intake side, the Lokale Kamer, or the Zorg- en Veiligheidshuis. */
export type DecidingTable = 'intake' | 'lokale-kamer' | 'zvh';

export interface Transition {
  to: CasusState;
  by: DecidingTable;
  /** The article the decision rests on, quoted in the audit trail and on the cards. */
  legalBasis: string;
  /**
   * The decision ends the casus or hands it to another table, and cannot be taken back: the
   * decider confirms it in a second step after seeing what will happen.
   */
  irreversible?: true;
}

const decision = 'art. 2.20 BGS jo. art. 2.27 WGS';
const coordination = 'art. 2.27 WGS';

/**
 * The casus state machine. Typed as a record over every state, so a new state that is not handled
 * here fails the build; an action missing from a state is simply not allowed there.
 */
export const transitions: Record<CasusState, Partial<Record<CasusAction, Transition>>> = {
  concept: { indienen: { to: 'aangemeld', by: 'intake', legalBasis: 'art. 2.20 BGS' } },
  aangemeld: {
    accepteren: { to: 'in_behandeling_lokaal', by: 'lokale-kamer', legalBasis: decision },
    afwijzen: { to: 'afgewezen', by: 'lokale-kamer', legalBasis: decision, irreversible: true },
    'informatie-vragen': {
      to: 'aanvulling_gevraagd',
      by: 'lokale-kamer',
      legalBasis: coordination,
    },
  },
  aanvulling_gevraagd: {
    aanvullen: { to: 'aangemeld', by: 'intake', legalBasis: 'art. 2.20 BGS' },
  },
  afgewezen: {},
  in_behandeling_lokaal: {
    opschalen: {
      to: 'opschaling_aangevraagd',
      by: 'lokale-kamer',
      legalBasis: coordination,
      irreversible: true,
    },
    afsluiten: {
      to: 'afgesloten',
      by: 'lokale-kamer',
      legalBasis: coordination,
      irreversible: true,
    },
  },
  opschaling_aangevraagd: {
    'opschaling-accepteren': { to: 'in_behandeling_zvh', by: 'zvh', legalBasis: decision },
    // Hands the casus back to the Lokale Kamer: confirmed like every hand-over.
    'opschaling-weigeren': {
      to: 'in_behandeling_lokaal',
      by: 'zvh',
      legalBasis: decision,
      irreversible: true,
    },
  },
  in_behandeling_zvh: {
    afsluiten: { to: 'afgesloten', by: 'zvh', legalBasis: coordination, irreversible: true },
    afschalen: {
      to: 'in_behandeling_lokaal',
      by: 'zvh',
      legalBasis: coordination,
      irreversible: true,
    },
  },
  afgesloten: {},
};

/** The transition an action makes from a state, or undefined when it is not allowed there. */
export function transitionFor(state: CasusState, action: CasusAction): Transition | undefined {
  return transitions[state][action];
}

/** The actions possible in a state, in the order the cards show them. */
export function actionsIn(state: CasusState): CasusAction[] {
  return casusActionSchema.options.filter((action) => transitions[state][action] !== undefined);
}

/** States in which the casus is still open for its kamer (on the casuslijst). */
export function isOpen(state: CasusState): boolean {
  return state !== 'concept' && state !== 'afgewezen' && state !== 'afgesloten';
}

/** Whether an action, wherever it is allowed, needs the decider's confirmation in a second step. */
export function needsConfirmation(action: CasusAction): boolean {
  return Object.values(transitions).some((from) => from[action]?.irreversible === true);
}
