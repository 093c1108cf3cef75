// A person removed from the registry (as an import on another machine would), and how long until
// every instance refuses them: each instance's snapshot is to be no older than REGISTRY_MAX_AGE_MS.
import type { Container } from '@azure/cosmos';
import type { BotHarness } from '../../helpers/bot-harness';
import { cardText } from '../../helpers/fake-connector';
import type { TurnRunner } from './turns';

const REFUSED = /Geen toegang/;
const POLL_MS = 250;

export interface RemovalOutcome {
  /** Every instance served the person before the removal: the change is a real one. */
  servedBefore: boolean;
  /** From the acknowledged delete until the last instance refused them (the cap if one never did). */
  seenByAllMs: number;
}

export async function removeAndWatch(
  runner: TurnRunner,
  instances: BotHarness[],
  registry: Container,
  personId: string,
  capMs: number,
): Promise<RemovalOutcome> {
  const refuses = async (bot: BotHarness) =>
    REFUSED.test(cardText((await runner.sayTo(bot, personId, 'help')).card));
  // A turn that fails here leaves the change unproven: it counts as not served.
  const before = await Promise.all(instances.map((bot) => refuses(bot).catch(() => true)));
  await registry.item(personId, 'persoon').delete();
  const removedAt = performance.now();
  const refusedAfter = await Promise.all(
    instances.map(async (bot) => {
      for (;;) {
        const elapsed = performance.now() - removedAt;
        if (elapsed > capMs) return undefined;
        // A turn that fails (the store slow under the workload) is no refusal: ask again.
        if (await refuses(bot).catch(() => false)) return performance.now() - removedAt;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }),
  );
  const seen = refusedAfter.filter((ms): ms is number => ms !== undefined);
  return {
    servedBefore: before.every((refused) => !refused),
    seenByAllMs: seen.length === instances.length ? Math.max(...seen) : capMs,
  };
}
