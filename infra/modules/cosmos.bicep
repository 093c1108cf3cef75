// Cosmos DB for NoSQL. The containers come from the same JSON file the app reads
// (src/storage/cosmos-containers.json), so the app never has to create or alter them in Azure.

@description('Name of the Cosmos DB account: 3-44 lowercase letters, digits and hyphens.')
@minLength(3)
@maxLength(44)
param accountName string

@description('Azure region of the account (single region).')
param location string

@description('Tags applied to the account.')
param tags object

@description('Name of the SQL database.')
param databaseName string

@description('serverless: pay per request, no throughput to manage. autoscale: shared database throughput that scales between 10% and 100% of autoscaleMaxThroughput. Choose before the first deployment (see infra/README.md).')
@allowed([
  'serverless'
  'autoscale'
])
param capacityMode string

@description('Maximum RU/s of the shared database throughput; used only when capacityMode is autoscale.')
@minValue(1000)
param autoscaleMaxThroughput int

@description('managedIdentity: Entra ID only, account keys are disabled. key: account keys stay enabled for the app.')
@allowed([
  'managedIdentity'
  'key'
])
param cosmosAuth string

@description('Principal id of the app\'s user-assigned identity.')
param appPrincipalId string

@description('Entra object id of an operator who also gets data access, for example to import the registry after az login; empty for none.')
param operatorPrincipalId string

@description('Resource id of the Log Analytics workspace for diagnostic logs.')
param workspaceId string

// Built-in "Cosmos DB Built-in Data Contributor": read and write items, no control-plane rights.
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

// Loaded at compile time; the path is relative to this file.
var containers = loadJsonContent('../../src/storage/cosmos-containers.json')

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-04-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: capacityMode == 'serverless' ? [{ name: 'EnableServerless' }] : []
    minimalTlsVersion: 'Tls12'
    disableLocalAuth: cosmosAuth == 'managedIdentity'
    // Databases and containers belong to this template, so even a leaked key cannot change them.
    disableKeyBasedMetadataWriteAccess: true
    // Point-in-time restore over the last 7 days; this tier has no extra charge.
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: 'Continuous7Days'
      }
    }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-04-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    // Serverless accounts reject any throughput; autoscale is shared by all containers, which
    // suits a few small containers better than per-container minimums.
    options: capacityMode == 'autoscale' ? { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } } : {}
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-04-15' = [for container in items(containers): {
  parent: database
  name: container.value.id
  properties: {
    resource: {
      id: container.value.id
      partitionKey: {
        paths: container.value.partitionKeyPaths
        kind: 'Hash'
        version: 2
      }
      indexingPolicy: container.value.indexingPolicy
    }
  }
}]

resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions@2025-04-15' existing = {
  parent: account
  name: dataContributorRoleId
}

// The access log is append-only for the app: it may create and read records, never replace or
// delete one. Cosmos DB data-plane roles add up, so the app's contributor role is granted per
// container, every container but this one.
var accessLogContainer = 'access-log'
var containerScope = '${account.id}/dbs/${databaseName}/colls'

resource accessLogAppender 'Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions@2025-04-15' = {
  parent: account
  name: guid(account.id, 'access-log-appender')
  properties: {
    roleName: 'casusbot access-log appender'
    type: 'CustomRole'
    assignableScopes: [
      '${containerScope}/${accessLogContainer}'
    ]
    permissions: [
      {
        dataActions: [
          'Microsoft.DocumentDB/databaseAccounts/readMetadata'
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/items/create'
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/items/read'
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/executeQuery'
        ]
      }
    ]
  }
  dependsOn: [
    sqlContainers
  ]
}

var appContainers = filter(map(items(containers), container => container.value.id), id => id != accessLogContainer)

// One at a time and after the containers: a role-assignment write takes an exclusive lock on the
// account, and a concurrent write fails with "another user operation in progress".
@batchSize(1)
resource appDataAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-04-15' = [for id in appContainers: {
  parent: account
  name: guid(account.id, appPrincipalId, dataContributorRoleId, id)
  properties: {
    principalId: appPrincipalId
    roleDefinitionId: dataContributor.id
    scope: '${containerScope}/${id}'
  }
  dependsOn: [
    sqlContainers
  ]
}]

resource appAccessLogAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-04-15' = {
  parent: account
  name: guid(account.id, appPrincipalId, 'access-log-appender')
  properties: {
    principalId: appPrincipalId
    roleDefinitionId: accessLogAppender.id
    scope: '${containerScope}/${accessLogContainer}'
  }
  dependsOn: [
    appDataAccess
  ]
}

// The operator imports the registry and may restore; the whole account, as before.
resource operatorDataAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-04-15' = if (!empty(operatorPrincipalId)) {
  parent: account
  name: guid(account.id, operatorPrincipalId, dataContributorRoleId)
  properties: {
    principalId: operatorPrincipalId
    roleDefinitionId: dataContributor.id
    scope: account.id
  }
  dependsOn: [
    appAccessLogAccess
  ]
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: account
  properties: {
    workspaceId: workspaceId
    // Resource-specific tables (CDBDataPlaneRequests, ...) rather than the shared AzureDiagnostics table.
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      {
        category: 'DataPlaneRequests'
        enabled: true
      }
      {
        category: 'ControlPlaneRequests'
        enabled: true
      }
    ]
  }
}

output accountName string = account.name
output accountId string = account.id
output documentEndpoint string = account.properties.documentEndpoint
output databaseName string = database.name
