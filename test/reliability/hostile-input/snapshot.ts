// The store as ids and ETags, container by container: any write changes one of them.
import type { BotHarness } from '../../helpers/bot-harness';

export type StoreSnapshot = Map<string, string>;

export async function snapshotStore(bot: Pick<BotHarness, 'store'>): Promise<StoreSnapshot> {
  const snapshot: StoreSnapshot = new Map();
  for (const [name, container] of Object.entries(bot.store())) {
    const { resources } = await container.items
      .query<{ id: string; _etag: string }>('SELECT c.id, c._etag FROM c')
      .fetchAll();
    for (const { id, _etag } of resources) snapshot.set(`${name}/${id}`, _etag);
  }
  return snapshot;
}

/** The access log's container in a snapshot: it grows on every read and every refusal. */
const ACCESS_LOG = 'accessLog/';

/**
 * What was added, removed or rewritten between two snapshots, as `container/id (how)`; but for
 * the access log's new records, which are what the bot owes (see `appendedAccessRecords`). A
 * rewritten or removed access record is a change like any other.
 */
export function storeChanges(before: StoreSnapshot, after: StoreSnapshot): string[] {
  const changes: string[] = [];
  for (const [key, etag] of after) {
    if (!before.has(key)) {
      if (!key.startsWith(ACCESS_LOG)) changes.push(`${key} (added)`);
    } else if (before.get(key) !== etag) changes.push(`${key} (rewritten)`);
  }
  for (const key of before.keys()) if (!after.has(key)) changes.push(`${key} (removed)`);
  return changes;
}

/** The ids of the access records added between two snapshots. */
export function appendedAccessRecords(before: StoreSnapshot, after: StoreSnapshot): string[] {
  return [...after.keys()]
    .filter((key) => key.startsWith(ACCESS_LOG) && !before.has(key))
    .map((key) => key.slice(ACCESS_LOG.length));
}

/** Waits until the store stays as it is for `quietMs` (notifications delivered, sweeps done). */
export async function settledStore(
  bot: Pick<BotHarness, 'store'>,
  quietMs = 1500,
  timeoutMs = 20_000,
): Promise<StoreSnapshot> {
  const deadline = Date.now() + timeoutMs;
  let last = await snapshotStore(bot);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = await snapshotStore(bot);
    if (storeChanges(last, now).length === 0) return now;
    if (Date.now() > deadline) throw new Error('the store did not settle before the barrage');
    last = now;
  }
}
