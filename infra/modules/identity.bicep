// One user-assigned identity carries every credential the app needs: it is the web app's identity,
// the Azure Bot's app identity (msaAppType UserAssignedMSI), the Cosmos DB data-plane principal and
// the identity App Service uses to resolve Key Vault references. A user-assigned identity outlives
// the web app, so the bot registration and role assignments survive a web app rebuild.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
