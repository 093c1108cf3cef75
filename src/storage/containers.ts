import type { ContainerRequest, IndexingPolicy } from '@azure/cosmos';
import definitions from './cosmos-containers.json';

/**
 * The containers the app uses. A casus is one document in a container partitioned by its own id,
 * so every change to it is a single-partition, ETag-guarded write. The JSON is the one source for
 * both this code and the Bicep (`infra/modules/cosmos.bicep` loads it), so the containers a
 * deployment creates are the ones the app would create.
 */
export type ContainerName = keyof typeof definitions;

function containerRequest(name: ContainerName): ContainerRequest {
  const { id, partitionKeyPaths, indexingPolicy } = definitions[name];
  return {
    id,
    partitionKey: { paths: partitionKeyPaths, version: 2 },
    // The JSON's string literals widen to string; the Cosmos service validates the policy.
    indexingPolicy: indexingPolicy as IndexingPolicy,
  };
}

export const containerNames = Object.keys(definitions) as ContainerName[];

export const containerDefinitions = Object.fromEntries(
  containerNames.map((name) => [name, containerRequest(name)]),
) as Record<ContainerName, ContainerRequest>;
