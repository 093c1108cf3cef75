// Azure Bot registration with the Microsoft Teams channel. It only routes Teams traffic to the
// web app's messaging endpoint and vouches for the bot's identity; the bot itself runs in App Service.

@description('Name of the Azure Bot resource; globally unique.')
param name string

@description('Display name of the bot in the Azure portal.')
param displayName string

@description('Tags applied to the bot.')
param tags object

@description('F0 is free and covers the Teams channel; S1 adds an SLA and premium channels.')
@allowed([
  'F0'
  'S1'
])
param sku string

@description('Host name of the web app that serves /api/messages.')
param messagingHostName string

@description('UserAssignedMSI: the bot is the user-assigned identity, no secret exists. SingleTenant: the bot is an app registration in this tenant with a client secret.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botIdentity string

@description('Resource id of the user-assigned identity; used when botIdentity is UserAssignedMSI.')
param identityId string

@description('Client id of the user-assigned identity; used when botIdentity is UserAssignedMSI.')
param identityClientId string

@description('Client id of the app registration; used when botIdentity is SingleTenant.')
param botAppRegistrationClientId string

var isManagedIdentity = botIdentity == 'UserAssignedMSI'

// Application Insights is not linked here (developerAppInsightKey and friends): that feeds the
// portal's bot analytics through an instrumentation key, whose ingestion support ended in March
// 2025, and an API key. The app sends its own telemetry with the connection string.
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  // A global registration. Azure Bot also has regional ones (for example westeurope) for data
  // residency; see infra/README.md. An existing bot's location cannot be changed in place.
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${messagingHostName}/api/messages'
    msaAppType: botIdentity
    msaAppId: isManagedIdentity ? identityClientId : botAppRegistrationClientId
    msaAppMSIResourceId: isManagedIdentity ? identityId : null
    msaAppTenantId: tenant().tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
output appId string = bot.properties.msaAppId
