import { cardText } from '../../test/helpers/fake-connector';
import { ensure, invoke, type Addressing, type Subject } from './subject';

/** Anyone: the floor checks nobody. */
const CALLER = '00000000-0000-4000-8000-000000000001';
const UNBOUNDED = 1_000_000;

export function floorSubject(addressing: Addressing): Subject {
  return {
    name: 'floor',
    label: 'Floor (bare CloudAdapter invoke)',
    process: 'floor',
    cap: () => UNBOUNDED,
    begin: () => () => ({
      activity: invoke(addressing, CALLER, 'floor.bare', {}),
      answer: 'invoke',
      check(card) {
        ensure(cardText(card) === 'OK', 'the floor did not answer its card', cardText(card));
      },
    }),
    end: () => Promise.resolve(),
  };
}

/** One document per worker: concurrent callers never race for the same ETag. */
export function floorStoreSubject(addressing: Addressing): Subject {
  return {
    name: 'floorStore',
    label: 'Floor with store (read + ETag replace + template)',
    process: 'floor',
    cap: () => UNBOUNDED,
    begin: () => (worker) => ({
      activity: invoke(addressing, CALLER, 'floor.store', { docId: `floor-${worker}` }),
      answer: 'invoke',
      check(card) {
        const text = cardText(card);
        ensure(
          /^Casus FLOOR-\d{4} · revisie \d+ · aangemeld$/.test(text),
          'the floor with store did not answer with its document',
          text,
        );
      },
    }),
    end: () => Promise.resolve(),
  };
}
