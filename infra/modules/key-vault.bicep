// Key Vault for the only secrets the app can still need. With the defaults (the bot signs in as the
// user-assigned identity and Cosmos DB uses Entra ID) there are no secrets at all and the vault
// stays empty; it exists so that switching to a single-tenant app registration or to Cosmos keys
// never puts a secret in an app setting, only a Key Vault reference.

@description('Name of the key vault: 3-24 letters, digits and hyphens.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the vault.')
param location string

@description('Tags applied to the vault.')
param tags object

@description('Turn on purge protection. It cannot be turned off again, and a deleted vault then blocks its name for the retention period.')
param purgeProtection bool

@description('Principal id of the app\'s user-assigned identity, which resolves the Key Vault references.')
param appPrincipalId string

@description('How the bot authenticates; SingleTenant stores botAppPassword as a secret.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botIdentity string

@description('Client secret of the bot\'s app registration; used only when botIdentity is SingleTenant.')
@secure()
param botAppPassword string

@description('How the app authenticates to Cosmos DB; key stores the account\'s primary key as a secret.')
@allowed([
  'managedIdentity'
  'key'
])
param cosmosAuth string

@description('Name of the Cosmos DB account in this resource group, read only when cosmosAuth is key.')
param cosmosAccountName string

@description('Entra object id of an operator who may set secrets (the signing keys, see README); empty for none.')
param operatorPrincipalId string

// Built-in "Key Vault Secrets User": read secret values, nothing else.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
// Built-in "Key Vault Secrets Officer": set and rotate secrets, for the operator.
var secretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Azure RBAC instead of access policies, so access is granted the same way as everywhere else.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // The property accepts only true; leaving it out is how it stays off.
    enablePurgeProtection: purgeProtection ? true : null
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, secretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: appPrincipalId
    // Skips the directory lookup that can fail for an identity created moments ago.
    principalType: 'ServicePrincipal'
  }
}

resource secretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, secretsOfficerRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficerRoleId)
    principalId: operatorPrincipalId
  }
}

resource cosmosAccount 'Microsoft.DocumentDB/databaseAccounts@2025-04-15' existing = {
  name: cosmosAccountName
}

resource cosmosKey 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (cosmosAuth == 'key') {
  parent: vault
  name: 'cosmos-key'
  properties: {
    // The ternary keeps listKeys from being evaluated when the secret is not deployed.
    value: cosmosAuth == 'key' ? cosmosAccount.listKeys().primaryMasterKey : ''
  }
}

resource botPassword 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (botIdentity == 'SingleTenant') {
  parent: vault
  name: 'microsoft-app-password'
  properties: {
    value: botAppPassword
  }
}

output name string = vault.name
// Versionless URIs, so a rotated secret is picked up without redeploying the app settings.
output cosmosKeyReferenceUri string = cosmosAuth == 'key' ? cosmosKey.properties.secretUri : ''
// The signing keys are made by the operator (npm run signing-keys:new) and set with az keyvault
// secret set: Bicep cannot make an EC key, and a secret it made anew would change at every
// deployment, breaking every link and every evidence signature made before.
output linkTokenSecretReferenceUri string = '${vault.properties.vaultUri}secrets/link-token-secret'
output evidenceSigningKeyReferenceUri string = '${vault.properties.vaultUri}secrets/evidence-signing-key'
output botCredentialReferenceUri string = botIdentity == 'SingleTenant' ? botPassword.properties.secretUri : ''
