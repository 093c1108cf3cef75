// Linux App Service running the prebuilt bot (dist/, production node_modules, package.json) that
// the operator deploys as a zip. The app settings below are the app's whole configuration; a test
// compares their names with the app's configuration schema, so keep one name per line.

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app; also its default host name <name>.azurewebsites.net.')
param webAppName string

@description('Azure region of the plan and the web app.')
param location string

@description('Tags applied to the plan and the web app.')
param tags object

@description('App Service plan SKU. Free and Shared are excluded: they cannot keep the app always on.')
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
param skuName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Log level of the app.')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
])
param logLevel string

@description('Milliseconds the app waits for in-flight work when App Service stops it.')
@minValue(0)
@maxValue(120000)
param shutdownTimeoutMs int

@description('Cosmos DB document endpoint.')
param cosmosEndpoint string

@description('Cosmos DB database name.')
param cosmosDatabase string

@description('How the app authenticates to Cosmos DB.')
@allowed([
  'managedIdentity'
  'key'
])
param cosmosAuth string

@description('Key Vault secret URI of the Cosmos DB key; used only when cosmosAuth is key.')
param cosmosKeyReferenceUri string

@description('How the bot authenticates to the Bot Framework.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botIdentity string

@description('Client id of the bot\'s app registration; used only when botIdentity is SingleTenant.')
param botAppRegistrationClientId string

@description('Key Vault secret URI of the bot\'s client secret; used only when botIdentity is SingleTenant.')
param botCredentialReferenceUri string

@description('Key Vault secret URI of the link-token secret (base64, at least 32 bytes).')
param linkTokenSecretReferenceUri string

@description('Key Vault secret URI of the evidence signing key (a private ES256 JWK).')
param evidenceSigningKeyReferenceUri string

@description('Client id of the app registration in the Teams manifest\'s webApplicationInfo (Teams SSO in the signing dialog).')
param teamsSsoAppId string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Resource id of the Log Analytics workspace for diagnostic logs.')
param workspaceId string

// The base object applies to every deployment; the conditional ones follow the identity choices.
// Secrets appear only as Key Vault references, resolved with the user-assigned identity.
// PUBLIC_BASE_URL is built from the name, not from defaultHostName, which would make the site
// depend on itself; the two agree unless a unique default host name scope is turned on.
var appSettings = union({
  HOST: '0.0.0.0'
  LOG_LEVEL: logLevel
  PUBLIC_BASE_URL: 'https://${webAppName}.azurewebsites.net'
  COSMOS_ENDPOINT: cosmosEndpoint
  COSMOS_DATABASE: cosmosDatabase
  MICROSOFT_APP_ID: botIdentity == 'UserAssignedMSI' ? identityClientId : botAppRegistrationClientId
  MICROSOFT_APP_TYPE: botIdentity
  MICROSOFT_APP_TENANT_ID: tenant().tenantId
  SHUTDOWN_TIMEOUT_MS: shutdownTimeoutMs
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  LINK_TOKEN_SECRET: '@Microsoft.KeyVault(SecretUri=${linkTokenSecretReferenceUri})'
  EVIDENCE_SIGNING_KEY: '@Microsoft.KeyVault(SecretUri=${evidenceSigningKeyReferenceUri})'
  TEAMS_SSO_APP_ID: teamsSsoAppId
  TEAMS_SSO_RESOURCE: 'api://${webAppName}.azurewebsites.net/${teamsSsoAppId}'
  TEAMS_SSO_TENANT_ID: tenant().tenantId
}, cosmosAuth == 'managedIdentity' ? {
  COSMOS_IDENTITY_CLIENT_ID: identityClientId
} : {}, cosmosAuth == 'key' ? {
  COSMOS_KEY: '@Microsoft.KeyVault(SecretUri=${cosmosKeyReferenceUri})'
} : {}, botIdentity == 'SingleTenant' ? {
  MICROSOFT_APP_PASSWORD: '@Microsoft.KeyVault(SecretUri=${botCredentialReferenceUri})'
} : {})

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
  }
  properties: {
    // Marks the plan as Linux; without it the plan is created for Windows.
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Without this, Key Vault references would be resolved with a system-assigned identity the
    // app does not have.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      // The Node.js line that package.json's engines, .nvmrc and CI name; a test checks that they
      // agree, so the app runs on the runtime it is tested on.
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'node dist/bot/main.js'
      // The outbox sweep runs on a timer inside the process; an app unloaded when idle would stop
      // sending notifications left in an outbox.
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/healthz'
      appSettings: [for setting in items(appSettings): {
        name: setting.key
        value: string(setting.value)
      }]
    }
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    // HTTP logs are left out: they hold every caller's address, user agent and query string, and
    // Application Insights already has the requests without them (bot/telemetry.ts).
    // The app logs to stdout, which arrives as console logs. The application-log category only
    // carries output of .NET and Java runtimes on Linux, so it is not enabled here.
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
