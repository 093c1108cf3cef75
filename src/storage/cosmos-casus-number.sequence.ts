import type { Container } from '@azure/cosmos';
import type { CasusNumberSequence } from '../domain/casus/casus-number';
import { storeCallExpecting } from './cosmos-errors';

interface Counter {
  id: string;
  value: number;
}

/**
 * One counter document per kamer and year, incremented with a server-side patch `incr`: atomic on
 * Cosmos DB, so concurrent submits never get the same number and never retry against each other.
 */
export class CosmosCasusNumberSequence implements CasusNumberSequence {
  constructor(private readonly container: Container) {}

  async next(kamerCode: string, year: number): Promise<number> {
    const id = `${kamerCode}-${year}`;
    // The first submit of a year creates the counter; a concurrent first submit loses the create
    // (409) and increments instead. Two rounds always suffice.
    for (let round = 0; round < 2; round++) {
      const incremented = await storeCallExpecting(
        () =>
          this.container.item(id, id).patch<Counter>([{ op: 'incr', path: '/value', value: 1 }]),
        [404],
      );
      if (incremented.ok && incremented.value.resource) return incremented.value.resource.value;
      const created = await storeCallExpecting(
        () => this.container.items.create<Counter>({ id, value: 1 }),
        [409],
      );
      if (created.ok) return 1;
    }
    throw new Error(`Counter ${id} could be neither created nor incremented`);
  }
}
