import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { transitionFor, type CasusAction } from '../../src/domain/casus/casus-machine';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { applyTransition, personRef } from '../../src/domain/casus/casus-transition';
import type { InvitationState } from '../../src/domain/invitation/invitation-machine';
import type { Invitation } from '../../src/domain/invitation/invitation.schema';
import { mayDecide } from '../../src/domain/invitation/decide';
import { proposeInvitation } from '../../src/domain/invitation/propose';
import { casusIn, lkA, proposeInput, prLkA, prZvh, wtLkA } from '../helpers/invitation-fixtures';
import { sampleCasus } from '../helpers/samples';

const at = '2026-12-03T09:00:00.000Z';

/** An invitation made to one table, in the given state. */
function invitationAt(table: 'lokaal' | 'zvh', state: InvitationState, naam: string): Invitation {
  const zvh = table === 'zvh';
  const result = proposeInvitation(
    proposeInput({
      id: randomUUID(),
      casus: casusIn(zvh ? 'in_behandeling_zvh' : 'in_behandeling_lokaal'),
      proposer: zvh ? prZvh : prLkA,
      values: {
        ...(proposeInput().values as object),
        organisatie: { naam, categorie: 'onderwijs' },
      },
    }),
  );
  if (!result.ok) throw new Error(result.error.reason);
  return { ...result.value, state };
}

function decided(casus: Casus, action: CasusAction): Casus {
  const transition = transitionFor(casus.state, action);
  assert.ok(transition, action);
  return applyTransition(casus, {
    action,
    transition,
    actor: personRef(prZvh.person, prZvh.organisation),
    authority: { role: 'procesregisseur', kamerId: 'zvh-x', onBehalfOf: 'de overheidsdeelnemers' },
    at,
    motivation: 'De doorbraak is bereikt; de Lokale Kamer kan de casus weer dragen.',
  });
}

const states = (casus: Casus) =>
  Object.fromEntries(casus.invitations.map((i) => [i.proposal.organisatie.naam, i.state]));

describe('invitations when the casus changes table', () => {
  it('afschalen: the ZVH’s undecided proposals lapse; its decided ones and the Lokale Kamer’s stay', () => {
    const casus = sampleCasus({
      ...casusIn('in_behandeling_zvh'),
      invitations: [
        invitationAt('zvh', 'voorgesteld', 'School A'),
        invitationAt('zvh', 'goedgekeurd', 'School B'),
        invitationAt('zvh', 'ondertekend', 'School C'),
        invitationAt('lokaal', 'ondertekend', 'School D'),
      ],
    });
    const back = decided(casus, 'afschalen');
    assert.equal(back.state, 'in_behandeling_lokaal');
    assert.deepEqual(states(back), {
      'School A': 'verlopen',
      'School B': 'goedgekeurd',
      'School C': 'ondertekend',
      'School D': 'ondertekend',
    });
    const lapsed = back.invitations[0]?.history.at(-1);
    assert.deepEqual(
      [lapsed?.action, lapsed?.from, lapsed?.to, lapsed?.at],
      ['tafel-gewisseld', 'voorgesteld', 'verlopen', at],
    );
    assert.equal(lapsed?.actor, undefined, 'the casus’s own course, no person');
  });

  it('an accepted opschaling lapses the Lokale Kamer’s undecided proposals; a refused one keeps them', () => {
    const casus = sampleCasus({
      ...casusIn('opschaling_aangevraagd'),
      invitations: [invitationAt('lokaal', 'voorgesteld', 'School A')],
    });
    assert.deepEqual(states(decided(casus, 'opschaling-accepteren')), { 'School A': 'verlopen' });
    assert.deepEqual(states(decided(casus, 'opschaling-weigeren')), { 'School A': 'voorgesteld' });
  });

  it('asking for an opschaling keeps the proposals: the Lokale Kamer decides them if it is refused', () => {
    const casus = sampleCasus({
      ...casusIn('in_behandeling_lokaal'),
      invitations: [invitationAt('lokaal', 'voorgesteld', 'School A')],
    });
    assert.deepEqual(states(decided(casus, 'opschalen')), { 'School A': 'voorgesteld' });
  });
});

describe('after afschalen, the Lokale Kamer may end a participation the ZVH admitted', () => {
  const casus = { ...casusIn('in_behandeling_lokaal'), invitations: [] };
  for (const [action, state, allowed] of [
    ['beeindigen', 'ondertekend', true],
    ['beeindigen', 'goedgekeurd', true],
    ['goedkeuren', 'voorgesteld', false],
  ] as const) {
    it(`${action} on a ZVH invitation that is ${state}: ${allowed ? 'allowed' : 'refused'}`, () => {
      const result = mayDecide({
        invitation: invitationAt('zvh', state, 'School A'),
        action,
        decider: wtLkA,
        casus,
        kamer: lkA,
      });
      assert.equal(result.ok, allowed);
      if (!result.ok) assert.equal(result.error.kind, 'casus-niet-in-behandeling');
    });
  }
});
