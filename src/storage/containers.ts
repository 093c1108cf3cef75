import type { ContainerRequest } from '@azure/cosmos';

/**
 * The containers the app uses. A casus is one document in a container partitioned by its own id,
 * so every change to it is a single-partition, ETag-guarded write.
 */
export const containerDefinitions = {
  casussen: { id: 'casussen', partitionKey: { paths: ['/id'] } },
  registry: { id: 'registry', partitionKey: { paths: ['/kind'] } },
  counters: { id: 'counters', partitionKey: { paths: ['/id'] } },
  conversations: { id: 'conversations', partitionKey: { paths: ['/id'] } },
} as const satisfies Record<string, ContainerRequest>;

export type ContainerName = keyof typeof containerDefinitions;
