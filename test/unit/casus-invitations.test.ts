import assert from 'node:assert/strict';
import { verifyAuditChain } from '../../src/domain/casus/audit-chain';
import { transitionFor } from '../../src/domain/casus/casus-machine';
import { casusSchema } from '../../src/domain/casus/casus.schema';
import { applyTransition, personRef } from '../../src/domain/casus/casus-transition';
import { applyInvitationChange } from '../../src/domain/invitation/casus-invitations';
import { proposeInvitation } from '../../src/domain/invitation/propose';
import { proposeInput, prLkA } from '../helpers/invitation-fixtures';
import { sampleCasus } from '../helpers/samples';

const at = '2026-12-02T07:00:00.000Z';

function proposedOn(casusId: string) {
  const result = proposeInvitation(
    proposeInput({
      casus: { id: casusId, state: 'in_behandeling_lokaal', kamerId: 'lk-a', invitations: [] },
    }),
  );
  if (!result.ok) throw new Error(result.error.reason);
  return result.value;
}

describe('invitations on the casus document', () => {
  const actor = {
    ...personRef(prLkA.person, prLkA.organisation),
    role: 'procesregisseur',
    kamerId: 'lk-a',
  };

  it('a casus stored before invitations existed reads with none', () => {
    const { invitations, declarations, ...old } = sampleCasus();
    assert.deepEqual([invitations, declarations], [[], []]);
    const parsed = casusSchema.parse(old);
    assert.deepEqual([parsed.invitations, parsed.declarations], [[], []]);
  });

  it('a step on an invitation is one revision, one chained audit line naming it, the state unchanged', () => {
    const casus = sampleCasus({ state: 'in_behandeling_lokaal', kamerId: 'lk-a' });
    const invitation = proposedOn(casus.id);
    const next = applyInvitationChange(casus, {
      invitation,
      action: 'uitnodiging-voorgesteld',
      actor,
      onBehalfOf: prLkA.organisation.name,
      at,
      legalBasis: 'art. 2.21 lid 1 BGS',
      notify: [
        {
          id: '5b0c3f7e-1d2a-4b3c-8d4e-5f6a7b8c9d01',
          createdAt: at,
          kind: 'uitnodiging:voorgesteld',
        },
      ],
    });
    assert.equal(next.revision, casus.revision + 1);
    assert.equal(next.state, casus.state);
    assert.deepEqual(next.invitations, [invitation]);
    assert.equal(next.audit.at(-1)?.invitationId, invitation.id);
    assert.equal(next.audit.at(-1)?.from, next.audit.at(-1)?.to);
    assert.equal(next.outbox.at(-1)?.auditIndex, next.audit.length - 1);
    assert.equal(verifyAuditChain(next).kind, 'intact');
    casusSchema.parse(next);

    const replaced = applyInvitationChange(next, {
      invitation: { ...invitation, state: 'afgewezen' },
      action: 'uitnodiging-afgewezen',
      actor,
      onBehalfOf: prLkA.organisation.name,
      at,
      legalBasis: 'art. 2.21 lid 1 BGS',
    });
    assert.deepEqual(
      replaced.invitations.map((i) => i.state),
      ['afgewezen'],
      'replaced by id, not added',
    );
  });

  it('closing the casus ends every participation and lapses open invitations in the same write', () => {
    const casus = sampleCasus({ state: 'in_behandeling_lokaal', kamerId: 'lk-a' });
    const open = { ...casus, invitations: [proposedOn(casus.id)] };
    const transition = transitionFor('in_behandeling_lokaal', 'afsluiten');
    assert.ok(transition);
    const closed = applyTransition(open, {
      action: 'afsluiten',
      transition,
      actor: personRef(prLkA.person, prLkA.organisation),
      authority: { role: 'procesregisseur', kamerId: 'lk-a', onBehalfOf: prLkA.organisation.name },
      at,
      motivation: 'Plan van aanpak uitgevoerd.',
      closeReason: 'plan-uitgevoerd',
    });
    assert.deepEqual(
      closed.invitations.map((i) => i.state),
      ['verlopen'],
    );
    const accepted = applyTransition(open, {
      action: 'afsluiten',
      transition: { ...transition, to: 'in_behandeling_lokaal' },
      actor: personRef(prLkA.person, prLkA.organisation),
      authority: { role: 'procesregisseur', kamerId: 'lk-a', onBehalfOf: prLkA.organisation.name },
      at,
    });
    assert.deepEqual(
      accepted.invitations.map((i) => i.state),
      ['voorgesteld'],
      'only closing ends them',
    );
  });
});
