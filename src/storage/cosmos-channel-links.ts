import type { Container } from '@azure/cosmos';
import type { ChannelLinks, StoredChannelLink } from '../app/channel/channel-links';
import { channelLinkSchema, type ChannelLink } from '../domain/channel/channel-link';
import { storeCall, storeCallExpecting } from './cosmos-errors';

/** Beside the users' conversation references, whose ids are Entra object ids (GUIDs). */
const KIND = 'kanaal-koppeling';
const idOf = (kamerId: string) => `kanaal:${kamerId}`;

/** The kamers' channel links in the conversations container, one document per kamer. */
export class CosmosChannelLinks implements ChannelLinks {
  constructor(private readonly container: Container) {}

  async get(kamerId: string): Promise<ChannelLink | undefined> {
    const id = idOf(kamerId);
    const result = await storeCallExpecting(
      (options) => this.container.item(id, id).read(options),
      [404],
    );
    return result.ok && result.value.resource
      ? channelLinkSchema.parse(result.value.resource)
      : undefined;
  }

  async save(link: ChannelLink): Promise<void> {
    await storeCall((options) =>
      this.container.items.upsert(
        { id: idOf(link.kamerId), kind: KIND, ...channelLinkSchema.parse(link) },
        options,
      ),
    );
  }

  async markBroken(
    link: ChannelLink,
    broken: NonNullable<ChannelLink['broken']>,
  ): Promise<boolean> {
    const id = idOf(link.kamerId);
    // A lost race means the link changed: read again and see whether it is still this one.
    for (let attempt = 0; attempt < 3; attempt++) {
      const read = await storeCallExpecting(
        (options) => this.container.item(id, id).read<{ _etag: string }>(options),
        [404],
      );
      const resource = read.ok ? read.value.resource : undefined;
      if (!resource) return false;
      const current = channelLinkSchema.parse(resource);
      const same = current.channelId === link.channelId && current.linkedAt === link.linkedAt;
      if (!same || current.broken) return false;
      const written = await storeCallExpecting(
        (options) =>
          this.container
            .item(id, id)
            .replace(
              { id, kind: KIND, ...channelLinkSchema.parse({ ...current, broken }) },
              { ...options, accessCondition: { type: 'IfMatch', condition: resource._etag } },
            ),
        [404, 412],
      );
      if (written.ok) return true;
    }
    return false;
  }

  async remove({ link, etag }: StoredChannelLink): Promise<boolean> {
    const id = idOf(link.kamerId);
    const result = await storeCallExpecting(
      (options) =>
        this.container.item(id, id).delete({
          ...options,
          accessCondition: { type: 'IfMatch', condition: etag },
        }),
      [404, 412],
    );
    return result.ok;
  }

  async findIn(place: { channelId: string } | { teamId: string }): Promise<StoredChannelLink[]> {
    const [field, value] =
      'channelId' in place ? ['channelId', place.channelId] : ['teamId', place.teamId];
    const { resources } = await storeCall((options) =>
      this.container.items
        .query<{ _etag: string }>(
          {
            query: `SELECT * FROM c WHERE c.kind = @kind AND c.${field} = @value`,
            parameters: [
              { name: '@kind', value: KIND },
              { name: '@value', value },
            ],
          },
          options,
        )
        .fetchAll(),
    );
    return resources.map((resource) => ({
      link: channelLinkSchema.parse(resource),
      etag: resource._etag,
    }));
  }
}
