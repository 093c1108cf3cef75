// casusbot: one resource group per environment. Deploy with a parameters file from environments/,
// see infra/README.md.
targetScope = 'resourceGroup'

@description('Environment this deployment is for; part of every resource name and tag.')
@allowed([
  'test'
  'prod'
])
param environmentName string

@description('Azure region of all regional resources (the Azure Bot registration is global).')
param location string = resourceGroup().location

@description('Prefix of every resource name: lowercase letters, digits and hyphens, at most 16 characters.')
@minLength(3)
@maxLength(16)
param namePrefix string = 'casusbot'

@description('serverless (pay per request) or autoscale (shared database throughput). Choose before the first deployment: serverless migrates only one way, to per-container throughput this template does not model.')
@allowed([
  'serverless'
  'autoscale'
])
param cosmosCapacityMode string = 'serverless'

@description('Maximum RU/s of the shared database throughput when cosmosCapacityMode is autoscale; a multiple of 1000.')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('managedIdentity: the app reaches Cosmos DB with Entra ID and account keys are disabled. key: fallback that stores the primary key in Key Vault.')
@allowed([
  'managedIdentity'
  'key'
])
param cosmosAuth string = 'managedIdentity'

@description('Name of the Cosmos DB SQL database.')
param cosmosDatabaseName string = 'casusbot'

@description('UserAssignedMSI: the bot is the user-assigned identity, no secret exists. SingleTenant: the bot is an existing app registration in this tenant, with botAppRegistrationClientId and botAppPassword. Fixed when the bot is first created (see infra/README.md).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botIdentity string = 'UserAssignedMSI'

@description('Client id of the bot\'s app registration; required when botIdentity is SingleTenant, ignored otherwise.')
param botAppRegistrationClientId string = ''

@description('Client secret of the bot\'s app registration; required when botIdentity is SingleTenant, ignored otherwise. Stored only in Key Vault.')
@secure()
param botAppPassword string = ''

@description('Azure Bot pricing tier: F0 (free, covers Teams) or S1 (SLA).')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('App Service plan SKU, for example B1 for test and P0v3 for production.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServiceSkuName string = 'B1'

@description('Log level of the app.')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
])
param logLevel string = 'info'

@description('Milliseconds the app waits for in-flight work on shutdown; App Service allows only a short grace period when it stops the app.')
@minValue(0)
@maxValue(120000)
param shutdownTimeoutMs int = 10000

@description('Entra object id of an operator who gets Cosmos DB data access (for example to import the registry after az login); empty for none.')
param operatorPrincipalId string = ''

@description('Client id of the app registration that Teams SSO tokens are issued for (the manifest\'s webApplicationInfo.id); the signing dialog validates them. See infra/README.md.')
param teamsSsoAppId string

@description('Turn on Key Vault purge protection. Irreversible; meant for prod.')
param keyVaultPurgeProtection bool = false

var prefix = toLower(namePrefix)
var baseName = '${prefix}-${environmentName}'
// Globally unique names get a suffix that is stable for this resource group and environment, so a
// redeployment updates the same resources.
var suffix = uniqueString(resourceGroup().id, environmentName)
var tags = {
  app: 'casusbot'
  environment: environmentName
}

// Key Vault names allow at most 24 characters: 'kv', up to 9 of the prefix without hyphens, the
// 13-character suffix.
var keyVaultName = 'kv${take(replace(prefix, '-', ''), 9)}${suffix}'
var webAppName = 'app-${baseName}-${suffix}'

// Module deployment names carry the environment too, so test and prod can share a resource group.
module identity 'modules/identity.bicep' = {
  name: 'identity-${environmentName}'
  params: {
    name: 'id-${baseName}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring-${environmentName}'
  params: {
    workspaceName: 'log-${baseName}'
    appInsightsName: 'appi-${baseName}'
    location: location
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos-${environmentName}'
  params: {
    accountName: 'cosmos-${baseName}-${suffix}'
    location: location
    tags: tags
    databaseName: cosmosDatabaseName
    capacityMode: cosmosCapacityMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    cosmosAuth: cosmosAuth
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
    workspaceId: monitoring.outputs.workspaceId
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault-${environmentName}'
  params: {
    name: keyVaultName
    location: location
    tags: tags
    purgeProtection: keyVaultPurgeProtection
    appPrincipalId: identity.outputs.principalId
    botIdentity: botIdentity
    botAppPassword: botAppPassword
    cosmosAuth: cosmosAuth
    cosmosAccountName: cosmos.outputs.accountName
    operatorPrincipalId: operatorPrincipalId
  }
}

module appService 'modules/app-service.bicep' = {
  name: 'app-service-${environmentName}'
  params: {
    planName: 'asp-${baseName}'
    webAppName: webAppName
    location: location
    tags: tags
    skuName: appServiceSkuName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    logLevel: logLevel
    shutdownTimeoutMs: shutdownTimeoutMs
    cosmosEndpoint: cosmos.outputs.documentEndpoint
    cosmosDatabase: cosmos.outputs.databaseName
    cosmosAuth: cosmosAuth
    cosmosKeyReferenceUri: keyVault.outputs.cosmosKeyReferenceUri
    botIdentity: botIdentity
    botAppRegistrationClientId: botAppRegistrationClientId
    botCredentialReferenceUri: keyVault.outputs.botCredentialReferenceUri
    linkTokenSecretReferenceUri: keyVault.outputs.linkTokenSecretReferenceUri
    evidenceSigningKeyReferenceUri: keyVault.outputs.evidenceSigningKeyReferenceUri
    teamsSsoAppId: teamsSsoAppId
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    workspaceId: monitoring.outputs.workspaceId
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot-${environmentName}'
  params: {
    name: 'bot-${baseName}-${suffix}'
    displayName: baseName
    tags: tags
    sku: botSku
    messagingHostName: appService.outputs.defaultHostName
    botIdentity: botIdentity
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    botAppRegistrationClientId: botAppRegistrationClientId
  }
}

output webAppName string = appService.outputs.name
output publicBaseUrl string = 'https://${appService.outputs.defaultHostName}'
@description('The Microsoft App ID the Teams app manifest needs (botId).')
output botAppId string = bot.outputs.appId
output cosmosEndpoint string = cosmos.outputs.documentEndpoint
output cosmosDatabase string = cosmos.outputs.databaseName
output keyVaultName string = keyVault.outputs.name
output appInsightsName string = monitoring.outputs.appInsightsName
