// Test: smallest SKUs that still keep the app always on; the vault stays purgeable so the resource
// group can be torn down and recreated.
using '../main.bicep'

param environmentName = 'test'
param appServiceSkuName = 'B1'
param botSku = 'F0'
param cosmosCapacityMode = 'serverless'
param cosmosAuth = 'managedIdentity'
param botIdentity = 'UserAssignedMSI'
param logLevel = 'info'
param keyVaultPurgeProtection = false
// Lets the operator import the registry with az login, for example:
// OPERATOR_PRINCIPAL_ID=$(az ad signed-in-user show --query id -o tsv)
param operatorPrincipalId = readEnvironmentVariable('OPERATOR_PRINCIPAL_ID', '')
// Only read when botIdentity is SingleTenant; never write the secret into this file.
param botAppPassword = readEnvironmentVariable('BOT_APP_PASSWORD', '')
// The app registration of the signing dialog's Teams SSO (manifest webApplicationInfo), for example:
// TEAMS_SSO_APP_ID=$(az ad app list --display-name casusbot-sso --query [0].appId -o tsv)
param teamsSsoAppId = readEnvironmentVariable('TEAMS_SSO_APP_ID', '')
