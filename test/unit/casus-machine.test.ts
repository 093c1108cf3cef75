import assert from 'node:assert/strict';
import {
  actionsIn,
  casusActionSchema,
  isOpen,
  transitionFor,
  type CasusAction,
  type DecidingTable,
} from '../../src/domain/casus/casus-machine';
import { casusStateSchema, type CasusState } from '../../src/domain/casus/casus.schema';

/**
 * The state machine as the issue describes it, written out by hand: every allowed (state, action)
 * with where it leads and which table decides. Everything not listed here must be refused.
 */
const expected: Record<CasusState, Partial<Record<CasusAction, [CasusState, DecidingTable]>>> = {
  concept: { indienen: ['aangemeld', 'intake'] },
  aangemeld: {
    accepteren: ['in_behandeling_lokaal', 'lokale-kamer'],
    afwijzen: ['afgewezen', 'lokale-kamer'],
    'informatie-vragen': ['aanvulling_gevraagd', 'lokale-kamer'],
  },
  aanvulling_gevraagd: { aanvullen: ['aangemeld', 'intake'] },
  afgewezen: {},
  in_behandeling_lokaal: {
    opschalen: ['opschaling_aangevraagd', 'lokale-kamer'],
    afsluiten: ['afgesloten', 'lokale-kamer'],
  },
  opschaling_aangevraagd: {
    'opschaling-accepteren': ['in_behandeling_zvh', 'zvh'],
    'opschaling-weigeren': ['in_behandeling_lokaal', 'zvh'],
  },
  in_behandeling_zvh: {
    afsluiten: ['afgesloten', 'zvh'],
    afschalen: ['in_behandeling_lokaal', 'zvh'],
  },
  afgesloten: {},
};

const states = casusStateSchema.options;
const actions = casusActionSchema.options;

describe('casus state machine', () => {
  it('has an expectation for every state (the table above is complete)', () => {
    assert.deepEqual(Object.keys(expected).sort(), [...states].sort());
  });

  describe('transition table (every state × every action)', () => {
    for (const state of states) {
      for (const action of actions) {
        const want = expected[state][action];
        const title = want
          ? `${state} --${action}--> ${want[0]} (by ${want[1]})`
          : `${state} refuses ${action}`;
        it(title, () => {
          const transition = transitionFor(state, action);
          assert.equal(transition?.to, want?.[0]);
          assert.equal(transition?.by, want?.[1]);
        });
      }
    }
  });

  describe('actionsIn', () => {
    for (const state of states) {
      it(`lists exactly the allowed actions in ${state}`, () => {
        const allowed = Object.keys(expected[state]).sort();
        assert.deepEqual([...actionsIn(state)].sort(), allowed);
      });
    }
  });

  it('cites WGS or BGS as the legal basis of every transition', () => {
    for (const state of states) {
      for (const action of actions) {
        const transition = transitionFor(state, action);
        if (!transition) continue;
        assert.match(transition.legalBasis, /\bart\. \d+\.\d+/, `${state}/${action}`);
        assert.match(transition.legalBasis, /\b(WGS|BGS)\b/, `${state}/${action}`);
      }
    }
  });

  describe('isOpen', () => {
    const closed: CasusState[] = ['concept', 'afgewezen', 'afgesloten'];
    for (const state of states) {
      const open = !closed.includes(state);
      it(`${state} is ${open ? 'open' : 'not open'}`, () => {
        assert.equal(isOpen(state), open);
      });
    }
  });

  it('reaches every state except concept from concept', () => {
    const reached = new Set<CasusState>();
    const queue: CasusState[] = ['concept'];
    while (queue.length > 0) {
      const state = queue.shift() as CasusState;
      for (const action of actions) {
        const to = transitionFor(state, action)?.to;
        if (to !== undefined && !reached.has(to)) {
          reached.add(to);
          queue.push(to);
        }
      }
    }
    assert.deepEqual([...reached].sort(), states.filter((state) => state !== 'concept').sort());
  });

  it('offers nothing once a casus is rejected or closed', () => {
    assert.deepEqual(actionsIn('afgewezen'), []);
    assert.deepEqual(actionsIn('afgesloten'), []);
  });
});
