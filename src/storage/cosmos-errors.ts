/** The store could not be reached or refused for a reason the user cannot fix: try again later. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The store is unavailable', { cause });
    this.name = 'StoreUnavailableError';
  }
}

/**
 * How long one store call may take, the SDK's own retries included. A turn makes a few calls and
 * must answer within Teams' 5 s, also when the store accepts connections and never answers. The
 * SDK notices an abort between two retries (about a second apart), so a call can overrun by that.
 */
export const STORE_CALL_TIMEOUT_MS = 1500;

/** What every store call is given: the abort signal that bounds it. */
export interface StoreCallOptions {
  abortSignal: AbortSignal;
}

type StoreCall<T> = (options: StoreCallOptions) => Promise<T>;

const callOptions = (): StoreCallOptions => ({
  abortSignal: AbortSignal.timeout(STORE_CALL_TIMEOUT_MS),
});

/** The HTTP status of a Cosmos error; connection errors, time-outs and aborts have none. */
export function statusOf(error: unknown): number | undefined {
  if (error !== null && typeof error === 'object') {
    const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
    if (typeof code === 'number') return code;
    if (typeof statusCode === 'number') return statusCode;
  }
  return undefined;
}

/** Runs a read; any failure means the store is unavailable. */
export async function storeCall<T>(call: StoreCall<T>): Promise<T> {
  try {
    return await call(callOptions());
  } catch (error) {
    throw new StoreUnavailableError(error);
  }
}

/** Runs a read; expected statuses are returned for the caller to map, anything else is unavailability. */
export async function storeCallExpecting<T, S extends number>(
  call: StoreCall<T>,
  expected: readonly S[],
): Promise<{ ok: true; value: T } | { ok: false; status: S }> {
  try {
    return { ok: true, value: await call(callOptions()) };
  } catch (error) {
    const status = expectedStatus(error, expected);
    if (status !== undefined) return { ok: false, status };
    throw new StoreUnavailableError(error);
  }
}

/** The error's status if it is one the caller maps itself. */
function expectedStatus<S extends number>(error: unknown, expected: readonly S[]): S | undefined {
  const status = statusOf(error);
  return (expected as readonly (number | undefined)[]).includes(status) ? (status as S) : undefined;
}

/**
 * A refusal the store answered itself (4xx but a time-out) was not applied. Without an answer, or
 * with a time-out or server error, the write may or may not have been applied.
 */
function wasRefused(status: number | undefined): boolean {
  return status !== undefined && status >= 400 && status < 500 && status !== 408;
}

/**
 * Runs a write. Besides the expected statuses it can end in `outcome-unknown`: the request may
 * have reached the store and been applied, only its answer was lost. The caller must then read
 * back before it tells anyone what happened.
 */
export async function storeWrite<T, S extends number>(
  call: StoreCall<T>,
  expected: readonly S[],
): Promise<{ ok: true; value: T } | { ok: false; status: S | 'outcome-unknown' }> {
  try {
    return { ok: true, value: await call(callOptions()) };
  } catch (error) {
    const status = expectedStatus(error, expected);
    if (status !== undefined) return { ok: false, status };
    if (wasRefused(statusOf(error))) throw new StoreUnavailableError(error);
    return { ok: false, status: 'outcome-unknown' };
  }
}
