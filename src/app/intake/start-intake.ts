import type { Versioned } from '../../domain/casus/casus.repository';
import { personRef } from '../../domain/casus/casus-transition';
import type { Casus } from '../../domain/casus/casus.schema';
import { hasIntakeRole } from '../../domain/registry/roles';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';
import { WriteOutcomeUnknownError } from '../../domain/shared/write-outcome';
import { hasAnswers } from '../../domain/intake/intake-form';
import { draftIdFor } from './draft-id';
import { MY_CASUSSEN_LIMIT } from './list-my-casussen';
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
  const mine = await services.casussen.listCreatedBy(actor.person.id, MY_CASUSSEN_LIMIT);
  const empty = mine.find(
    ({ value }) => value.state === 'concept' && !hasAnswers(value.intake.values),
  );
  if (empty) return ok(empty.value);
  const at = services.now().toISOString();
  const worker = personRef(actor.person, actor.organisation);
  const casus: Casus = {
    kind: 'casus',
    id: activityId ? draftIdFor(actor.person.id, activityId) : services.newId(),
    revision: 0,
    state: 'concept',
    createdAt: at,
    createdBy: worker,
    intake: { step: 'betrokkene', values: {} },
    audit: [
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
    ],
    outbox: [],
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
