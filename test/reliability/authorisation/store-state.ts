// Every cell starts from the same casus: what a cell changed is put back as it was, once the
// bot has finished with it (its notifications sent, its delivery lease given up).
import type { BotHarness } from '../../helpers/bot-harness';

export type StoredDocument = Record<string, unknown> & { id: string };

/** The casus document as stored, without the store's own fields. */
export async function storedDocument(
  bot: BotHarness,
  id: string,
): Promise<StoredDocument | undefined> {
  const { resource } = await bot.store().casussen.item(id, id).read<StoredDocument>();
  if (!resource) return undefined;
  return Object.fromEntries(
    Object.entries(resource).filter(([key]) => !key.startsWith('_')),
  ) as StoredDocument;
}

const QUIET_WITHIN_MS = 10_000;

/** Waits until the casus has nothing left to deliver and no instance holds its outbox. */
export async function quiet(bot: BotHarness, id: string): Promise<StoredDocument | undefined> {
  const deadline = Date.now() + QUIET_WITHIN_MS;
  for (;;) {
    const stored = await storedDocument(bot, id);
    const outbox = (stored?.outbox ?? []) as unknown[];
    const lease = stored?.deliveryLease as { until: string } | undefined;
    const leased = lease !== undefined && Date.parse(lease.until) > Date.now();
    if (!stored || (outbox.length === 0 && !leased)) return stored;
    if (Date.now() > deadline) {
      const kinds = outbox.map((entry) => (entry as { kind?: string }).kind).join(', ');
      throw new Error(`casus ${id} kept its outbox (${kinds || 'a lease'}) for 10 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Puts the casus back as it was (also when a cell removed it). */
export async function restore(bot: BotHarness, template: StoredDocument): Promise<void> {
  await quiet(bot, template.id);
  await bot.store().casussen.items.upsert(template);
}
