import assert from 'node:assert/strict';
import { submitIntake } from '../../src/app/intake/submit-intake';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { validFormValues } from './intake-values';
import { sampleCasus } from './samples';
import { seedActor } from './seed-actors';

/**
 * A casus Fatima El Amrani completed and submitted through the use case, as the bot would:
 * aangemeld at Lokale Kamer Rotterdam, at the services' clock.
 */
export async function submittedByFatima(
  services: Parameters<typeof submitIntake>[0],
): Promise<Casus> {
  const fatima = seedActor('Fatima El Amrani');
  const draft = sampleCasus({
    createdBy: {
      id: fatima.person.id,
      name: fatima.person.name,
      organisationId: fatima.organisation.id,
      organisationName: fatima.organisation.name,
    },
    intake: { step: 'samenvatting', values: validFormValues },
  });
  assert.ok((await services.casussen.create(draft)).ok);
  const submitted = await submitIntake(services, fatima, {
    casusId: draft.id,
    revision: 0,
    activityId: undefined,
  });
  assert.ok(submitted.ok, JSON.stringify(!submitted.ok && submitted.error.kind));
  return submitted.value;
}
