import { randomBytes } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { storeCallExpecting, storeWrite } from './cosmos-errors';

const ID = 'betrokkene-search-key';

interface SearchKeyDocument {
  id: string;
  key: string;
}

/**
 * The deployment's secret for the betrokkene search key (`src/app/casus/betrokkene-key.ts`): made
 * once, at the first start, and read at every start. It lives in `counters`, a container nothing
 * queries and nothing indexes, apart from the casussen whose index holds only its hashes. Moving it
 * to Key Vault would also keep it from whoever can read the database; the casussen would keep
 * their keys as long as the secret itself moves unchanged.
 */
export async function loadSearchKey(counters: Container): Promise<Buffer> {
  const read = async () => {
    const found = await storeCallExpecting(
      (options) => counters.item(ID, ID).read<SearchKeyDocument>(options),
      [404],
    );
    return found.ok ? found.value.resource?.key : undefined;
  };
  let key = await read();
  if (!key) {
    // Two instances starting together: one create wins (409 for the other), both read its key.
    await storeWrite(
      (options) =>
        counters.items.create<SearchKeyDocument>(
          { id: ID, key: randomBytes(32).toString('base64') },
          options,
        ),
      [409],
    );
    key = await read();
  }
  if (!key) throw new Error('The betrokkene search key could not be read back after creating it');
  return Buffer.from(key, 'base64');
}
