import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * True in the async context of work a turn hands off (the notifier's deliveries): what it asks of
 * the store is counted after the turn, even when it starts before the turn has answered.
 */
export const afterTurn = new AsyncLocalStorage<true>();
