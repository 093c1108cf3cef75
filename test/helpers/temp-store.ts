import { openStore, type Store } from '../../src/storage/store';
import { tempDir } from './temp-dir';

/**
 * Registers mocha hooks that open a fresh embedded store (real SDK, real server, own temp journal)
 * before the suite and remove it after. Read `.store` inside tests, not at describe time.
 */
export function useTempStore(database: string): { readonly store: Store } {
  const holder: { store?: Store; remove?: () => Promise<void> } = {};
  before(async () => {
    const dir = await tempDir(database);
    holder.remove = () => dir.remove();
    holder.store = await openStore({ kind: 'embedded', dataDir: dir.path, port: 0, database });
  });
  after(async () => {
    await holder.store?.close();
    await holder.remove?.();
  });
  return {
    get store() {
      if (!holder.store) throw new Error('The store opens in a before hook');
      return holder.store;
    },
  };
}
