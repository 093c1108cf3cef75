import type { Versioned } from '../../domain/casus/casus.repository';
import { appendAuditLine } from '../../domain/casus/audit-chain';
import { personRef } from '../../domain/casus/casus-transition';
import type { Casus } from '../../domain/casus/casus.schema';
import { hasIntakeRole } from '../../domain/registry/roles';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';
import { WriteOutcomeUnknownError } from '../../domain/shared/write-outcome';
import { hasAnswers } from '../../domain/intake/intake-form';
import { draftIdFor } from './draft-id';
import { MY_CASUSSEN_MAX_ROWS } from './list-my-casussen';
import type { IntakeRefusal, IntakeServices } from './intake-services';

/**
 * "nieuwe casus": the actor's empty draft if there is one, otherwise a new draft in state `concept`, saved before the first step is shown. The same
 * activity always means the same draft: delivered twice, or created without an answer, it is
 * found again rather than made twice.
 */
export async function startIntake(
  services: IntakeServices,
  actor: Actor,
  activityId: string | undefined,
): Promise<Result<Casus, IntakeRefusal>> {
  if (!hasIntakeRole(actor.person)) return fail({ kind: 'no-intake-role' });
  // A draft nobody has answered anything in yet is picked up again, not joined by another one.
  const empty = await findEmptyDraft(services, actor);
  if (empty) return ok(empty);
  const at = services.now().toISOString();
  const worker = personRef(actor.person, actor.organisation);
  const id = activityId ? draftIdFor(actor.person.id, activityId) : services.newId();
  const casus: Casus = {
    kind: 'casus',
    id,
    revision: 0,
    state: 'concept',
    createdAt: at,
    createdBy: worker,
    intake: { step: 'betrokkene', values: {} },
    ...appendAuditLine(
      { id, audit: [] },
      {
        at,
        actor: { ...worker, role: 'wijkteammedewerker' },
        onBehalfOf: actor.organisation.name,
        action: 'intake-gestart',
        from: null,
        to: 'concept',
        legalBasis: 'art. 2.20 BGS',
        activityId,
      },
    ),
    outbox: [],
    invitations: [],
    declarations: [],
    cards: [],
  };
  const isThisDraft = (found: Versioned<Casus> | undefined): found is Versioned<Casus> =>
    found?.value.createdBy.id === actor.person.id &&
    found.value.audit[0]?.activityId === activityId;

  for (let attempt = 0; attempt < 2; attempt++) {
    const created = await services.casussen.create(casus);
    if (created.ok) return ok(created.value.value);
    const found = await services.casussen.get(casus.id);
    if (isThisDraft(found)) return ok(found.value);
    if (created.error === 'already-exists') throw new Error(`A new casus id collided: ${casus.id}`);
    // No answer, and no draft: it was not created, so creating it again is safe.
  }
  throw new WriteOutcomeUnknownError('a new draft');
}

/**
 * The newest draft still at its first step with no name typed is the only candidate: a draft
 * with any answer has a name or has moved on (a nameless one with answers is left alone). One
 * query of list rows, then at most one read of that draft to check it holds no answer at all.
 */
async function findEmptyDraft(services: IntakeServices, actor: Actor): Promise<Casus | undefined> {
  const rows = await services.casussen.listRowsCreatedBy(actor.person.id, MY_CASUSSEN_MAX_ROWS);
  const candidate = rows.find(
    (row) => row.state === 'concept' && row.step === 'betrokkene' && !row.draftNaam?.trim(),
  );
  if (!candidate) return undefined;
  const found = await services.casussen.get(candidate.id);
  const draft = found?.value;
  if (!draft || draft.state !== 'concept' || draft.createdBy.id !== actor.person.id)
    return undefined;
  return hasAnswers(draft.intake.values) ? undefined : draft;
}
