import assert from 'node:assert/strict';
import type { ChannelLink } from '../../src/domain/channel/channel-link';
import { CosmosChannelLinks } from '../../src/storage/cosmos-channel-links';
import { useTempStore } from '../helpers/temp-store';

const link = (kamerId: string, channelId: string, linkedAt: string): ChannelLink => ({
  kamerId,
  channelId,
  teamId: '19:team@thread.tacv2',
  reference: { conversation: { id: channelId } },
  linkedBy: { id: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a05', name: 'Sanne Jansen' },
  linkedAt,
});
const broken = { at: '2026-03-02T10:00:00.000Z', status: 403 };

describe('CosmosChannelLinks.markBroken against the embedded server (real @azure/cosmos SDK)', () => {
  const temp = useTempStore('channel-links');
  let links: CosmosChannelLinks;
  before(() => {
    links = new CosmosChannelLinks(temp.store.containers.conversations);
  });

  it('marks the link that refused, once', async () => {
    const refused = link('lk-a', '19:a@thread.tacv2', '2026-03-01T09:00:00.000Z');
    await links.save(refused);
    assert.equal(await links.markBroken(refused, broken), true);
    assert.deepEqual((await links.get('lk-a'))?.broken, broken);
    assert.equal(await links.markBroken(refused, { ...broken, status: 404 }), false, 'marked');
    assert.deepEqual((await links.get('lk-a'))?.broken, broken);
  });

  it('leaves a link made since alone: in another channel, or the same one linked again', async () => {
    const old = link('lk-b', '19:b@thread.tacv2', '2026-03-01T09:00:00.000Z');
    for (const since of [
      link('lk-b', '19:b-new@thread.tacv2', '2026-03-01T09:30:00.000Z'),
      link('lk-b', '19:b@thread.tacv2', '2026-03-01T09:45:00.000Z'),
    ]) {
      await links.save(since);
      assert.equal(await links.markBroken(old, broken), false);
      assert.deepEqual(await links.get('lk-b'), since);
    }
  });

  it('does not bring back a link removed since', async () => {
    const gone = link('lk-c', '19:c@thread.tacv2', '2026-03-01T09:00:00.000Z');
    await links.save(gone);
    const [found] = await links.findIn({ channelId: gone.channelId });
    assert.ok(found && (await links.remove(found)));
    assert.equal(await links.markBroken(gone, broken), false);
    assert.equal(await links.get('lk-c'), undefined);
  });
});
