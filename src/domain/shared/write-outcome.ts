/**
 * A change whose write got no answer, and reading back could not settle whether it was applied.
 * Nobody may then be told that nothing changed: the turn answers that it is not known yet.
 */
export class WriteOutcomeUnknownError extends Error {
  constructor(what: string) {
    super(`Not known whether ${what} was written`);
    this.name = 'WriteOutcomeUnknownError';
  }
}
