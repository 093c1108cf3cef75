import assert from 'node:assert/strict';
import {
  decideOnInvitation,
  type DecideInput,
  type DecisionRefusal,
} from '../../src/domain/invitation/decide';
import { invitationSchema, type Invitation } from '../../src/domain/invitation/invitation.schema';
import { closeInvitations, markSigned } from '../../src/domain/invitation/lifecycle';
import { proposeInvitation } from '../../src/domain/invitation/propose';
import {
  casusIn,
  ggzLkA,
  incidenteel,
  indiener,
  lkA,
  prLkA,
  proposeInput,
  prZvh,
  validProposal,
  wtLkA,
  wtZvh,
} from '../helpers/invitation-fixtures';

const MOTIVATION = 'De woningcorporatie is nodig voor de huurregeling in het plan.';
const at = '2026-12-02T07:00:00.000Z';

function proposed(values = validProposal()): Invitation {
  const result = proposeInvitation(proposeInput({ values }));
  if (!result.ok) throw new Error(result.error.reason);
  return result.value;
}

const decide = (over: Partial<DecideInput> = {}) =>
  decideOnInvitation({
    invitation: proposed(),
    action: 'goedkeuren',
    motivation: MOTIVATION,
    decider: wtLkA,
    casus: casusIn('in_behandeling_lokaal'),
    kamer: lkA,
    at,
    ...over,
  });

function refusal(result: ReturnType<typeof decideOnInvitation>): DecisionRefusal {
  assert.equal(result.ok, false, 'expected a refusal');
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

function approved(): Invitation {
  const result = decide();
  if (!result.ok) throw new Error(result.error.reason);
  return result.value;
}

describe('decision on an invitation (art. 2.27 WGS, art. 2.21 lid 1 BGS)', () => {
  it('another decider of the table approves: goedgekeurd, with the declaration fixed and an audit line', () => {
    const result = decide();
    assert.ok(result.ok);
    const invitation = invitationSchema.parse(result.value);
    assert.equal(invitation.state, 'goedgekeurd');
    assert.deepEqual(invitation.declaration, { variant: 'niet-gebonden', version: 1 });
    const line = invitation.history.at(-1);
    assert.equal(line?.action, 'goedkeuren');
    assert.equal(line?.actor?.id, wtLkA.person.id);
    assert.equal(line?.actor?.role, 'weegtafellid');
    assert.equal(line?.actor?.kamerId, 'lk-a');
    assert.equal(line?.motivation, MOTIVATION);
    assert.equal(line?.from, 'voorgesteld');
    assert.match(line?.legalBasis ?? '', /art\. 2\.21 lid 1 BGS jo\. art\. 2\.27 WGS/);
  });

  it('at the ZVH its own overheidsdeelnemers decide, not those of the Lokale Kamer', () => {
    const casus = casusIn('in_behandeling_zvh');
    const atZvh = proposeInvitation(proposeInput({ casus, proposer: prZvh }));
    assert.ok(atZvh.ok);
    const input = { invitation: atZvh.value, casus };
    assert.equal(refusal(decide({ ...input, decider: wtLkA })).kind, 'niet-bevoegd');
    assert.equal(refusal(decide({ ...input, decider: prZvh })).kind, 'eigen-voorstel');
    const result = decide({ ...input, decider: wtZvh });
    assert.ok(result.ok);
    assert.equal(result.value.history.at(-1)?.actor?.kamerId, 'zvh-x');
  });

  it('a bound invitee gets the gebonden declaration', () => {
    const values = validProposal();
    values.beroepsgeheim = { soort: 'jeugdwet-7-3-11' };
    const result = decide({ invitation: proposed(values) });
    assert.ok(result.ok);
    assert.deepEqual(result.value.declaration, { variant: 'gebonden', version: 1 });
  });

  it('rejects with a motivation: afgewezen, no declaration', () => {
    const result = decide({ action: 'afwijzen' });
    assert.ok(result.ok);
    assert.equal(result.value.state, 'afgewezen');
    assert.equal(result.value.declaration, undefined);
  });

  for (const action of ['goedkeuren', 'afwijzen'] as const) {
    it(`the proposer may not ${action} their own proposal`, () => {
      const error = refusal(decide({ action, decider: prLkA }));
      assert.equal(error.kind, 'eigen-voorstel');
      assert.match(error.reason, /art\. 2\.27 WGS/);
    });
  }

  for (const [who, decider] of [
    ['a private vaste deelnemer at the weegtafel', ggzLkA],
    ['the wijkteammedewerker', indiener],
    ['an incidentele deelnemer', incidenteel],
    ['a decider of the ZVH while the Lokale Kamer handles it', prZvh],
  ] as const) {
    it(`${who} may not decide`, () => {
      const error = refusal(decide({ decider }));
      assert.equal(error.kind, 'niet-bevoegd');
      assert.match(error.reason, /art\. 2\.27 WGS/);
    });
  }

  it('a decision needs a motivation of at least 30 characters', () => {
    for (const motivation of [undefined, '', 'ok', 'x'.repeat(29), 42]) {
      const error = refusal(decide({ motivation }));
      assert.equal(error.kind, 'motivering-ontbreekt');
    }
    assert.match(refusal(decide({ motivation: 'kort' })).reason, /minstens 30 tekens/);
  });

  it('refused once the casus is no longer in behandeling at that table', () => {
    for (const state of ['afgesloten', 'opschaling_aangevraagd', 'in_behandeling_zvh'] as const) {
      const decider = state === 'in_behandeling_zvh' ? wtZvh : wtLkA;
      const error = refusal(decide({ casus: casusIn(state), decider }));
      assert.equal(error.kind, 'casus-niet-in-behandeling', state);
    }
  });

  it('a decided proposal cannot be decided again (stale or forged submit)', () => {
    const invitation = approved();
    for (const action of ['goedkeuren', 'afwijzen'] as const) {
      assert.equal(refusal(decide({ invitation, action })).kind, 'niet-toegestaan-in-staat');
    }
  });

  it('the table ends a participation; the proposer may do so too, with a motivation', () => {
    const signed = markSigned(approved(), at);
    assert.ok(signed.ok);
    const ended = decide({ invitation: signed.value, action: 'beeindigen', decider: prLkA });
    assert.ok(ended.ok);
    assert.equal(ended.value.state, 'beeindigd');
    assert.equal(
      refusal(decide({ invitation: signed.value, action: 'beeindigen', decider: ggzLkA })).kind,
      'niet-bevoegd',
    );
  });

  it('a proposal cannot be ended before it is decided', () => {
    assert.equal(refusal(decide({ action: 'beeindigen' })).kind, 'niet-toegestaan-in-staat');
  });
});

describe('signing and closing an invitation', () => {
  it('only an approved invitation can be signed', () => {
    assert.deepEqual(markSigned(proposed(), at), { ok: false, error: 'niet-toegestaan-in-staat' });
    const signed = markSigned(approved(), at);
    assert.ok(signed.ok);
    assert.equal(signed.value.state, 'ondertekend');
    assert.equal(signed.value.history.at(-1)?.legalBasis, 'art. 2.21 lid 2 BGS');
    assert.equal(signed.value.history.at(-1)?.actor, undefined);
    assert.deepEqual(markSigned(signed.value, at), {
      ok: false,
      error: 'niet-toegestaan-in-staat',
    });
  });

  it('closing the casus ends participations and lapses open invitations, leaving decided ones', () => {
    const voorgesteld = proposed();
    const goedgekeurd = approved();
    const signed = markSigned(approved(), at);
    const rejected = decide({ action: 'afwijzen' });
    assert.ok(signed.ok && rejected.ok);
    const closed = closeInvitations([voorgesteld, goedgekeurd, signed.value, rejected.value], at);
    assert.deepEqual(
      closed.map((i) => i.state),
      ['verlopen', 'verlopen', 'beeindigd', 'afgewezen'],
    );
    assert.equal(closed[3], rejected.value, 'a decided invitation is left untouched');
    assert.equal(closed[2]?.history.at(-1)?.action, 'casus-gesloten');
    assert.deepEqual(closeInvitations(closed, at), closed, 'closing twice changes nothing');
  });
});
