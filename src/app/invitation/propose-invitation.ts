import type { Casus } from '../../domain/casus/casus.schema';
import { applyInvitationChange } from '../../domain/invitation/casus-invitations';
import type { Invitation } from '../../domain/invitation/invitation.schema';
import { proposeInvitation, type ProposalRefusal } from '../../domain/invitation/propose';
import { fail, ok, type Result } from '../../domain/shared/result';
import { WriteOutcomeUnknownError } from '../../domain/shared/write-outcome';
import { loadVisibleCasus, type AccessRefusal, type CasusServices } from '../casus/casus-access';
import type { Actor } from '../identify-actor';
import { today } from '../intake/intake-services';
import { invitationRecordedBy } from './invitation-activity';

export type ProposeRefusal =
  | AccessRefusal
  /** The form was made for an older revision (or its revision forged): nothing changed. */
  | { kind: 'changed-meanwhile'; casus: Casus }
  /** A rule of art. 2.21 BGS (or of the casus) refused the proposal: nothing changed. */
  | { kind: 'refused'; casus: Casus; refusal: ProposalRefusal }
  /** Other writes kept coming first (outbox bookkeeping); nothing changed, trying again helps. */
  | { kind: 'busy'; casus: Casus };

export interface ProposeInvitationInput {
  casusId: string;
  /** The revision of the casus card the form was opened from. */
  revision: number;
  /** The form's values as submitted, unparsed: the domain checks them. */
  values: unknown;
  activityId: string | undefined;
}

/** Writes tried before giving up on a casus that keeps changing under the proposal. */
const MAX_WRITES = 3;

/**
 * A deelnemer of the table proposes to invite an incidentele deelnemer (art. 2.21 BGS): checked in
 * the domain (table, state, both conditions, not a vaste deelnemer, no second live invitation, a
 * casusoverleg still to come), then one ETag-guarded write of the casus with the invitation, its
 * audit line and the notification to the table's deciders. The same activity delivered twice, or a
 * write whose answer was lost, ends as the one invitation it made.
 */
export async function proposeInvitationOnCasus(
  services: CasusServices,
  actor: Actor,
  input: ProposeInvitationInput,
): Promise<Result<{ casus: Casus; invitation: Invitation }, ProposeRefusal>> {
  const recorded = { activityId: input.activityId, personId: actor.person.id };
  // The vaste deelnemers come from the registry; read once, beside the casus.
  const [organisations, first] = await Promise.all([
    services.registry.listOrganisations(),
    services.casussen.get(input.casusId),
  ]);
  let found = first;
  let unanswered = false;
  for (let attempt = 0; ; attempt++) {
    const loaded = await loadVisibleCasus(services, actor, found);
    if (!loaded.ok) return loaded;
    const { casus, etag, kamer } = loaded.value;
    const already = invitationRecordedBy(casus, { ...recorded, action: 'uitnodiging-voorgesteld' });
    if (already) return ok({ casus, invitation: already });
    if (casus.revision !== input.revision) return fail({ kind: 'changed-meanwhile', casus });
    if (attempt === MAX_WRITES) {
      if (unanswered) throw new WriteOutcomeUnknownError('invitation proposal');
      return fail({ kind: 'busy', casus });
    }

    const at = services.now().toISOString();
    const proposed = proposeInvitation({
      values: input.values,
      casus,
      kamer,
      proposer: { person: actor.person, organisation: actor.organisation },
      organisations,
      id: services.newId(),
      at,
      today: today(services),
    });
    if (!proposed.ok) return fail({ kind: 'refused', casus, refusal: proposed.error });
    const invitation = proposed.value;
    const next = applyInvitationChange(casus, {
      invitation,
      action: 'uitnodiging-voorgesteld',
      actor: invitation.proposedBy,
      onBehalfOf: actor.organisation.name,
      at,
      legalBasis: 'art. 2.21 lid 1 BGS',
      activityId: input.activityId,
      notify: [{ id: services.newId(), createdAt: at, kind: 'uitnodiging:voorgesteld' }],
    });
    const written = await services.casussen.replace(next, etag);
    if (written.ok) return ok({ casus: written.value.value, invitation });
    if (written.error === 'not-found') return fail({ kind: 'not-found' });
    if (written.error === 'outcome-unknown') unanswered = true;
    found = await services.casussen.get(input.casusId);
  }
}
