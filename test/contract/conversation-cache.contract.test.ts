import assert from 'node:assert/strict';
import { CachedConversationDirectory } from '../../src/app/notifications/cached-conversation-directory';
import type { ConversationDirectory } from '../../src/app/notifications/conversation-directory';
import { CosmosConversationDirectory } from '../../src/storage/cosmos-conversation.directory';
import { useTempStore } from '../helpers/temp-store';

describe('conversation references kept in memory, written through (real @azure/cosmos SDK)', () => {
  const temp = useTempStore('conversation-cache');
  let time = 0;
  const reads: string[] = [];
  let stored: CosmosConversationDirectory;
  let source: ConversationDirectory;
  before(() => {
    stored = new CosmosConversationDirectory(temp.store.containers.conversations);
    source = {
      get: (userId) => {
        reads.push(userId);
        return stored.get(userId);
      },
      save: (userId, reference) => stored.save(userId, reference),
    };
  });
  const cache = (maxEntries = 100) =>
    new CachedConversationDirectory(source, { ttlMs: 60_000, maxEntries, clock: () => time });
  const reference = (id: string) => ({ conversation: { id }, serviceUrl: 'https://smba.example/' });

  it('reads a reference once per ttl, absent ones too, and serves what it saved without a read', async () => {
    reads.length = 0;
    time = 0;
    const [a, b] = [cache(), cache()]; // two instances
    await a.save('anna', reference('a:anna-1'));
    assert.deepEqual(await a.get('anna'), reference('a:anna-1'));
    assert.deepEqual(reads, [], 'written through: no read after the save');
    assert.deepEqual(await b.get('anna'), reference('a:anna-1'));
    assert.equal(await b.get('nobody'), undefined);
    await b.get('anna');
    await b.get('nobody');
    assert.deepEqual(reads, ['anna', 'nobody'], 'one read each within the ttl');

    // Anna's chat changes on instance a: b uses the old one until its ttl has passed, no longer.
    await a.save('anna', reference('a:anna-2'));
    time = 59_000;
    assert.deepEqual(await b.get('anna'), reference('a:anna-1'));
    time = 61_000;
    assert.deepEqual(await b.get('anna'), reference('a:anna-2'));
    assert.deepEqual(reads, ['anna', 'nobody', 'anna']);
  });

  it('keeps at most maxEntries, dropping the least recently read', async () => {
    reads.length = 0;
    time = 0;
    const small = cache(2);
    for (const user of ['u1', 'u2', 'u1', 'u3']) await small.get(user);
    assert.deepEqual(reads, ['u1', 'u2', 'u3']);
    await small.get('u1');
    await small.get('u2'); // dropped when u3 came in
    assert.deepEqual(reads, ['u1', 'u2', 'u3', 'u2']);
  });
});
