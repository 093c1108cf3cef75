/** The store could not be reached or refused for a reason the user cannot fix: try again later. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The store is unavailable', { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** The HTTP status of a Cosmos error; connection errors carry a string code instead. */
export function statusOf(error: unknown): number | undefined {
  if (error !== null && typeof error === 'object') {
    const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
    if (typeof code === 'number') return code;
    if (typeof statusCode === 'number') return statusCode;
  }
  return undefined;
}

/** Runs a store call; any failure means the store is unavailable. */
export async function storeCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new StoreUnavailableError(error);
  }
}

/** Runs a store call; expected statuses are returned for the caller to map, anything else is unavailability. */
export async function storeCallExpecting<T, S extends number>(
  call: () => Promise<T>,
  expected: readonly S[],
): Promise<{ ok: true; value: T } | { ok: false; status: S }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const status = statusOf(error);
    if (status !== undefined && (expected as readonly number[]).includes(status)) {
      return { ok: false, status: status as S };
    }
    throw new StoreUnavailableError(error);
  }
}
