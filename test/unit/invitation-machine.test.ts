import assert from 'node:assert/strict';
import {
  invitationActionSchema,
  invitationStateSchema,
  invitationTransitionFor,
  invitationTransitions,
  isLive,
  isParticipating,
  type InvitationState,
} from '../../src/domain/invitation/invitation-machine';

describe('invitation state machine', () => {
  it('allows exactly the steps of the process', () => {
    const allowed = invitationStateSchema.options.flatMap((from) =>
      invitationActionSchema.options.flatMap((action) => {
        const t = invitationTransitionFor(from, action);
        return t ? [`${from} -${action}-> ${t.to} (${t.by})`] : [];
      }),
    );
    assert.deepEqual(allowed, [
      'voorgesteld -goedkeuren-> goedgekeurd (overheidsdeelnemers)',
      'voorgesteld -afwijzen-> afgewezen (overheidsdeelnemers)',
      'voorgesteld -casus-gesloten-> verlopen (casus)',
      'voorgesteld -tafel-gewisseld-> verlopen (casus)',
      'goedgekeurd -ondertekenen-> ondertekend (genodigde)',
      'goedgekeurd -beeindigen-> beeindigd (overheidsdeelnemers)',
      'goedgekeurd -casus-gesloten-> verlopen (casus)',
      'ondertekend -beeindigen-> beeindigd (overheidsdeelnemers)',
      'ondertekend -casus-gesloten-> beeindigd (casus)',
    ]);
  });

  it('every live state ends when the casus closes, so no invitation outlives its casus', () => {
    for (const state of invitationStateSchema.options) {
      const closed = invitationTransitionFor(state, 'casus-gesloten');
      assert.equal(closed !== undefined, isLive(state), state);
      if (closed) assert.equal(isLive(closed.to), false, `${state} closes into a final state`);
    }
  });

  it('only a signed invitation makes a deelnemer', () => {
    const participating = invitationStateSchema.options.filter(isParticipating);
    assert.deepEqual(participating, ['ondertekend' satisfies InvitationState]);
  });

  it('every step names its legal basis', () => {
    for (const steps of Object.values(invitationTransitions)) {
      for (const t of Object.values(steps)) assert.match(t.legalBasis, /art\. 2\.(21|31)/);
    }
  });
});
