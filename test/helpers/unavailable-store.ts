import { StoreUnavailableError } from '../../src/storage/cosmos-errors';

/** A store that is down: every call fails the way the Cosmos adapters report it. */
export function unavailable<T extends object>(): T {
  return new Proxy({} as T, {
    get: () => () => Promise.reject(new StoreUnavailableError(new Error('ECONNREFUSED'))),
  });
}
