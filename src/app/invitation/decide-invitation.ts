import type { Casus } from '../../domain/casus/casus.schema';
import { ON_BEHALF_OF_OVERHEIDSDEELNEMERS } from '../../domain/casus/decision-rights';
import { applyInvitationChange } from '../../domain/invitation/casus-invitations';
import {
  decideOnInvitation,
  type DecisionRefusal as TableRefusal,
  type TableAction,
} from '../../domain/invitation/decide';
import type { InvitationAuditAction } from '../../domain/invitation/invitation-audit';
import type { Invitation } from '../../domain/invitation/invitation.schema';
import { SIGNING_REQUEST_OUTBOX_KIND } from '../../domain/invitation/signing-request';
import { fail, ok, type Result } from '../../domain/shared/result';
import { WriteOutcomeUnknownError } from '../../domain/shared/write-outcome';
import { loadVisibleCasus, type AccessRefusal, type CasusServices } from '../casus/casus-access';
import type { Actor } from '../identify-actor';
import { invitationRecordedBy } from './invitation-activity';

export type InvitationDecisionRefusal =
  | AccessRefusal
  | { kind: 'changed-meanwhile'; casus: Casus }
  /** No invitation with this id on the casus (a forged button). */
  | { kind: 'unknown-invitation'; casus: Casus }
  /** The table's rules refused it (not of the table, the proposer, state, motivation). */
  | { kind: 'refused'; casus: Casus; refusal: TableRefusal }
  /** Every check passed on the first press and nothing was written: the decider confirms. */
  | { kind: 'confirm-first'; casus: Casus; invitation: Invitation; motivation: string }
  | { kind: 'busy'; casus: Casus };

export interface InvitationDecisionInput {
  casusId: string;
  revision: number;
  invitationId: string;
  action: TableAction;
  motivation: string;
  /** The second press: only then is the decision written. */
  confirmed: boolean;
  activityId: string | undefined;
}

/**
 * The audit line and the outbox kinds of each step the table takes: the proposer hears of each, and
 * an approval also asks the invitee to sign.
 */
const recorded: Record<TableAction, { audit: InvitationAuditAction; outbox: string[] }> = {
  goedkeuren: {
    audit: 'uitnodiging-goedgekeurd',
    outbox: ['uitnodiging:goedgekeurd', SIGNING_REQUEST_OUTBOX_KIND],
  },
  afwijzen: { audit: 'uitnodiging-afgewezen', outbox: ['uitnodiging:afgewezen'] },
  beeindigen: { audit: 'uitnodiging-beeindigd', outbox: ['uitnodiging:beeindigd'] },
};

const MAX_WRITES = 3;

/**
 * The table decides on an invitation: approve or reject a proposal, or end a participation. Every
 * step takes two presses (an approval lets a party receive casus data once it signs; the others
 * cannot be undone): the first runs every check and writes nothing (`confirm-first`), the second
 * runs them again and writes the invitation, its audit line and its notifications in one
 * ETag-guarded replace, like every casus decision (`src/app/casus/decide.ts`).
 */
export async function decideInvitation(
  services: CasusServices,
  actor: Actor,
  input: InvitationDecisionInput,
): Promise<Result<{ casus: Casus; invitation: Invitation }, InvitationDecisionRefusal>> {
  const step = recorded[input.action];
  const change = { activityId: input.activityId, personId: actor.person.id, action: step.audit };
  let found = await services.casussen.get(input.casusId);
  let unanswered = false;
  for (let attempt = 0; ; attempt++) {
    const loaded = await loadVisibleCasus(services, actor, found);
    if (!loaded.ok) return loaded;
    const { casus, etag, kamer } = loaded.value;
    const already = invitationRecordedBy(casus, change);
    if (already) return ok({ casus, invitation: already });
    if (casus.revision !== input.revision) return fail({ kind: 'changed-meanwhile', casus });
    if (attempt === MAX_WRITES) {
      if (unanswered) throw new WriteOutcomeUnknownError(`invitation ${input.action}`);
      return fail({ kind: 'busy', casus });
    }
    const invitation = casus.invitations.find((i) => i.id === input.invitationId);
    if (!invitation) return fail({ kind: 'unknown-invitation', casus });

    const at = services.now().toISOString();
    const decided = decideOnInvitation({
      invitation,
      action: input.action,
      motivation: input.motivation,
      decider: { person: actor.person, organisation: actor.organisation },
      casus,
      kamer,
      at,
    });
    if (!decided.ok) return fail({ kind: 'refused', casus, refusal: decided.error });
    const event = decided.value.history.at(-1);
    if (!event?.actor) throw new Error('A table decision names its decider');
    if (!input.confirmed) {
      return fail({
        kind: 'confirm-first',
        casus,
        invitation,
        motivation: event.motivation ?? input.motivation,
      });
    }
    const next = applyInvitationChange(casus, {
      invitation: decided.value,
      action: step.audit,
      actor: event.actor,
      onBehalfOf: ON_BEHALF_OF_OVERHEIDSDEELNEMERS,
      at,
      motivation: event.motivation,
      legalBasis: event.legalBasis,
      activityId: input.activityId,
      notify: step.outbox.map((kind) => ({ id: services.newId(), createdAt: at, kind })),
    });
    const written = await services.casussen.replace(next, etag);
    if (written.ok) return ok({ casus: written.value.value, invitation: decided.value });
    if (written.error === 'not-found') return fail({ kind: 'not-found' });
    if (written.error === 'outcome-unknown') unanswered = true;
    found = await services.casussen.get(input.casusId);
  }
}
