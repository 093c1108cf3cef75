import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { StoreUnavailableError, storeCallExpecting, storeWrite } from './cosmos-errors';

/** Which casus holds a number: one small document per number, found by a point read. */
const NUMBER_KIND = 'casusnummer';
const numberEntryId = (casusNumber: string) => `${NUMBER_KIND}:${casusNumber}`;
/** Cosmos DB ids hold none of / \ ? # and at most 255 characters; the SDK cannot encode a lone surrogate. */
const possibleId = (id: string) => id.length <= 255 && !/[/\\?#\uD800-\uDFFF]/u.test(id);
const numberEntrySchema = z.object({
  id: z.string(),
  kind: z.literal(NUMBER_KIND),
  casusId: z.uuid(),
});
type NumberEntry = z.infer<typeof numberEntrySchema>;

/** The entry that says which casus holds a number, as `reserve` writes it. */
export const numberEntryOf = (casusNumber: string, casusId: string): NumberEntry => ({
  id: numberEntryId(casusNumber),
  kind: NUMBER_KIND,
  casusId,
});

/**
 * The number entries, in a container no query reads (the app's `counters`), so they never add to
 * what a list query scans (the embedded server scans them all).
 */
export class CasusNumberEntries {
  constructor(private readonly numbers: Container) {}

  async reserve(casusNumber: string, casusId: string): Promise<void> {
    const entry = numberEntryOf(casusNumber, casusId);
    const created = await storeWrite((options) => this.numbers.items.create(entry, options), [409]);
    if (created.ok) return;
    // A create whose answer was lost is read back: our own entry means it was made.
    const stored = await this.casusIdOf(casusNumber);
    if (stored === casusId) return;
    if (created.status === 'outcome-unknown')
      throw new StoreUnavailableError(new Error(`No answer reserving ${casusNumber}`));
    // The counter hands a number out once: another casus under it is a defect, not a race.
    throw new Error(`Casus number ${casusNumber} is taken by another casus`);
  }

  /** Whether a number could have an entry at all: a typed "LK-ROT-2026-0001#" cannot. */
  static possible(casusNumber: string): boolean {
    return possibleId(numberEntryId(casusNumber));
  }

  /** The id of the casus the number's entry names, if it has one. */
  async casusIdOf(casusNumber: string): Promise<string | undefined> {
    const result = await storeCallExpecting(
      (options) =>
        this.numbers.item(numberEntryId(casusNumber), numberEntryId(casusNumber)).read(options),
      [404],
    );
    const parsed = numberEntrySchema.safeParse(result.ok ? result.value.resource : undefined);
    return parsed.success ? parsed.data.casusId : undefined;
  }
}
