import {
  DefaultAzureCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';

/**
 * Entra ID for Cosmos data-plane RBAC. In Azure the app names its user-assigned managed identity,
 * so no credential chain is probed at start; without a client id (an operator's machine) the
 * default chain finds the `az login` session.
 */
export function cosmosCredential(clientId: string | undefined): TokenCredential {
  return clientId ? new ManagedIdentityCredential({ clientId }) : new DefaultAzureCredential();
}
