import { personRef } from '../../domain/casus/casus-transition';
import type { Casus } from '../../domain/casus/casus.schema';
import { hasIntakeRole } from '../../domain/registry/roles';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';
import type { IntakeRefusal, IntakeServices } from './intake-services';

/** "nieuwe casus": a new draft in state `concept`, saved before the first step is shown. */
export async function startIntake(
  services: IntakeServices,
  actor: Actor,
  activityId: string | undefined,
): Promise<Result<Casus, IntakeRefusal>> {
  if (!hasIntakeRole(actor.person)) return fail({ kind: 'no-intake-role' });
  const at = services.now().toISOString();
  const worker = personRef(actor.person, actor.organisation);
  const casus: Casus = {
    kind: 'casus',
    id: services.newId(),
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
  const created = await services.casussen.create(casus);
  if (!created.ok) throw new Error(`A new casus id collided: ${casus.id}`);
  return ok(created.value.value);
}
