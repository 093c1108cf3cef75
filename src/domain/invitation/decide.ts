import { z } from 'zod';
import type { Casus } from '../casus/casus.schema';
import { personRef } from '../casus/casus-transition';
import { authorityAt } from '../casus/decision-rights';
import { MAX_TEXT, MIN_MOTIVATION } from '../intake/intake.schema';
import type { Kamer, Organisation, Person } from '../registry/registry.schema';
import { fail, ok, type Result } from '../shared/result';
import { chooseVariant } from './declarations/declaration-text';
import { currentDeclaration } from './declarations/declaration-registry';
import {
  invitationTransitionFor,
  type InvitationAction,
  type InvitationTransition,
} from './invitation-machine';
import { handlingTable } from './invitation-table';
import type { DeclarationRef, Invitation } from './invitation.schema';

/** The steps the overheidsdeelnemers of the table take on an invitation. */
export type TableAction = Extract<InvitationAction, 'goedkeuren' | 'afwijzen' | 'beeindigen'>;

export type DecisionRefusal =
  | { kind: 'niet-toegestaan-in-staat'; reason: string }
  | { kind: 'casus-niet-in-behandeling'; reason: string }
  | { kind: 'niet-bevoegd'; reason: string }
  | { kind: 'eigen-voorstel'; reason: string }
  | { kind: 'motivering-ontbreekt'; reason: string };

export interface DecideInput {
  invitation: Invitation;
  action: TableAction;
  /** As typed; checked here so a forged submit gets the same answer as an empty field. */
  motivation: unknown;
  decider: { person: Person; organisation: Organisation };
  casus: Pick<Casus, 'state' | 'kamerId' | 'createdBy' | 'audit'>;
  /** The casus's Lokale Kamer. */
  kamer: Kamer;
  at: string;
}

const motivationSchema = z
  .string()
  .trim()
  .min(MIN_MOTIVATION, `Geef een motivering van minstens ${MIN_MOTIVATION} tekens.`)
  .max(MAX_TEXT, `Houd de motivering korter dan ${MAX_TEXT} tekens.`);

/**
 * A decision of the table on an invitation: approve or reject a proposal, or end it later. Only
 * the overheidsdeelnemers of the table that handles the casus decide, through its procesregisseur
 * or weegtafel (WGS art. 2.27, the same rule as every casus decision), and never the proposer on
 * their own proposal. Approval fixes the declaration the invitee will sign.
 */
export function decideOnInvitation(input: DecideInput): Result<Invitation, DecisionRefusal> {
  const allowed = mayDecide(input);
  if (!allowed.ok) return allowed;
  const { transition, authority } = allowed.value;
  const { invitation, action } = input;
  const { person, organisation } = input.decider;
  const motivation = motivationSchema.safeParse(input.motivation);
  if (!motivation.success) {
    return fail({
      kind: 'motivering-ontbreekt',
      reason: motivation.error.issues[0]?.message ?? 'Geef een motivering.',
    });
  }
  const declaration = action === 'goedkeuren' ? declarationFor(invitation) : invitation.declaration;
  return ok({
    ...invitation,
    state: transition.to,
    ...(declaration && { declaration }),
    history: [
      ...invitation.history,
      {
        at: input.at,
        action,
        actor: {
          ...personRef(person, organisation),
          role: authority.role,
          kamerId: authority.kamerId,
        },
        from: invitation.state,
        to: transition.to,
        motivation: motivation.data,
        legalBasis: transition.legalBasis,
      },
    ],
  });
}

/**
 * Whether this decider may take this step on this invitation now, before any motivation: the card
 * offers a button only then, and `decideOnInvitation` checks it again.
 */
export function mayDecide(
  input: Omit<DecideInput, 'motivation' | 'at'>,
): Result<
  { transition: InvitationTransition; authority: { role: string; kamerId: string } },
  DecisionRefusal
> {
  const { invitation, action } = input;
  const transition = invitationTransitionFor(invitation.state, action);
  if (!transition || transition.by !== 'overheidsdeelnemers') {
    return fail({
      kind: 'niet-toegestaan-in-staat',
      reason: 'Dit kan niet meer: over deze uitnodiging is al besloten of ze is beëindigd.',
    });
  }
  const table = handlingTable(input.casus, input.kamer);
  // A proposal is decided by the table it was made to; a participation is ended by the table that
  // handles the casus now, so one the ZVH admitted does not outlive an afschalen unchecked.
  if (!table || (action !== 'beeindigen' && table.kamerId !== invitation.tableId)) {
    return fail({
      kind: 'casus-niet-in-behandeling',
      reason:
        'Deze casus is niet meer in behandeling bij de tafel waarvoor de uitnodiging is voorgesteld (art. 2.31 lid 9 WGS, art. 2.21 BGS).',
    });
  }
  const { person, organisation } = input.decider;
  const authority = authorityAt(table.table, person, organisation, input.casus, input.kamer);
  if (!authority || !authority.kamerId) {
    return fail({
      kind: 'niet-bevoegd',
      reason:
        'Alleen de procesregisseur of weegtafel van de overheidsdeelnemers van deze tafel beslist over een uitnodiging (art. 2.27 WGS, art. 2.21 lid 1 BGS).',
    });
  }
  if (action !== 'beeindigen' && person.id === invitation.proposedBy.id) {
    return fail({
      kind: 'eigen-voorstel',
      reason:
        'Je kunt niet beslissen over je eigen voorstel: een andere procesregisseur of weegtafellid beslist (art. 2.27 WGS).',
    });
  }
  return ok({ transition, authority: { role: authority.role, kamerId: authority.kamerId } });
}

/** The declaration an approved invitee signs: the variant their secrecy asks for, in today's version. */
function declarationFor(invitation: Invitation): DeclarationRef {
  const variant = chooseVariant(invitation.proposal.beroepsgeheim);
  return { variant, version: currentDeclaration(variant).version };
}
