import assert from 'node:assert/strict';
import { transitionFor, type CasusAction } from '../../src/domain/casus/casus-machine';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { applyTransition, personRef } from '../../src/domain/casus/casus-transition';
import { defaultTermijnen } from '../../src/domain/deadlines/termijnen';
import { prLkA } from '../helpers/invitation-fixtures';
import { sampleCasus } from '../helpers/samples';

// Thursday 3 December 2026, 10:00 in Amsterdam.
const at = '2026-12-03T09:00:00.000Z';

function step(casus: Casus, action: CasusAction, termijnen = { ...defaultTermijnen }) {
  const transition = transitionFor(casus.state, action);
  assert.ok(transition, `${action} from ${casus.state}`);
  return applyTransition(casus, {
    transition,
    action,
    actor: personRef(prLkA.person, prLkA.organisation),
    authority: { role: 'procesregisseur', kamerId: 'lk-a', onBehalfOf: 'de overheidsdeelnemers' },
    motivation: 'Een motivatie van voldoende lengte.',
    at,
    termijnen,
  });
}

describe('a transition writes the termijn of the step it enters', () => {
  it('informatie vragen: an answer within the 10 werkdagen of the kamer, with a reminder on the last one', () => {
    const next = step(sampleCasus({ state: 'aangemeld', kamerId: 'lk-a' }), 'informatie-vragen');
    // Ten werkdagen after Thursday 3 December: Thursday 17 December is the last.
    assert.deepEqual(next.deadline, {
      state: 'aanvulling_gevraagd',
      dueAt: '2026-12-17T23:00:00.000Z',
      remindAt: '2026-12-16T23:00:00.000Z',
      notified: 'geen',
      alertAt: '2026-12-16T23:00:00.000Z',
    });
  });

  it("takes the kamer's own number of werkdagen", () => {
    const next = step(
      sampleCasus({ state: 'in_behandeling_lokaal', kamerId: 'lk-a' }),
      'opschalen',
      {
        ...defaultTermijnen,
        opschaling_aangevraagd: 2,
      },
    );
    assert.equal(next.deadline?.state, 'opschaling_aangevraagd');
    assert.equal(
      next.deadline?.dueAt,
      '2026-12-07T23:00:00.000Z',
      'Friday and Monday: due at the end of Monday',
    );
  });

  it('a step without a termijn drops the one before; without termijnen none is set', () => {
    const asked = step(sampleCasus({ state: 'aangemeld', kamerId: 'lk-a' }), 'informatie-vragen');
    assert.ok(asked.deadline);
    const accepted = step({ ...asked, state: 'aangemeld' }, 'accepteren');
    assert.equal('deadline' in accepted, false);
    const transition = transitionFor('aangemeld', 'informatie-vragen')!;
    const without = applyTransition(sampleCasus({ state: 'aangemeld', kamerId: 'lk-a' }), {
      transition,
      action: 'informatie-vragen',
      actor: personRef(prLkA.person, prLkA.organisation),
      authority: { role: 'procesregisseur', kamerId: 'lk-a', onBehalfOf: 'de overheidsdeelnemers' },
      at,
    });
    assert.equal(without.deadline, undefined);
  });
});
