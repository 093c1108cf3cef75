import type { Container } from '@azure/cosmos';
import type { CasusNumberSequence } from '../domain/casus/casus-number';
import { StoreUnavailableError, storeWrite } from './cosmos-errors';

interface Counter {
  id: string;
  value: number;
}

/** Enough for a first-of-the-year race and a lost answer or two; then the store is the problem. */
const ROUNDS = 4;

/**
 * One counter document per kamer and year, incremented with a server-side patch `incr`: atomic on
 * Cosmos DB, so concurrent submits never get the same number and never retry against each other.
 */
export class CosmosCasusNumberSequence implements CasusNumberSequence {
  constructor(private readonly container: Container) {}

  async next(kamerCode: string, year: number): Promise<number> {
    const id = `${kamerCode}-${year}`;
    // The first submit of a year creates the counter; a concurrent first submit loses the create
    // (409) and increments instead. An increment whose answer was lost may have counted: asking
    // again costs at most an unused number, and numbers are unique, not gapless.
    for (let round = 0; round < ROUNDS; round++) {
      const incremented = await storeWrite(
        (options) =>
          this.container
            .item(id, id)
            .patch<Counter>({ operations: [{ op: 'incr', path: '/value', value: 1 }] }, options),
        [404],
      );
      if (incremented.ok && incremented.value.resource) return incremented.value.resource.value;
      if (!incremented.ok && incremented.status === 'outcome-unknown') continue;
      const created = await storeWrite(
        (options) => this.container.items.create<Counter>({ id, value: 1 }, options),
        [409],
      );
      if (created.ok) return 1;
    }
    throw new StoreUnavailableError(new Error(`Counter ${id}: no number after ${ROUNDS} rounds`));
  }
}
