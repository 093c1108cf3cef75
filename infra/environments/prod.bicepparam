// Production: a Premium v3 plan, the S1 bot tier with its SLA, and a purge-protected vault.
using '../main.bicep'

param environmentName = 'prod'
param appServiceSkuName = 'P0v3'
param botSku = 'S1'
// Serverless bills per request, which suits a bot that is idle most of the day. For steady load
// choose 'autoscale' (cosmosAutoscaleMaxThroughput is its ceiling) before the first deployment:
// changing the capacity mode of an existing account is a migration, not a redeploy.
param cosmosCapacityMode = 'serverless'
param cosmosAutoscaleMaxThroughput = 1000
param cosmosAuth = 'managedIdentity'
param botIdentity = 'UserAssignedMSI'
param logLevel = 'info'
param keyVaultPurgeProtection = true
param operatorPrincipalId = readEnvironmentVariable('OPERATOR_PRINCIPAL_ID', '')
// Only read when botIdentity is SingleTenant; never write the secret into this file.
param botAppPassword = readEnvironmentVariable('BOT_APP_PASSWORD', '')
// The app registration of the signing dialog's Teams SSO (manifest webApplicationInfo), for example:
// TEAMS_SSO_APP_ID=$(az ad app list --display-name casusbot-sso --query [0].appId -o tsv)
param teamsSsoAppId = readEnvironmentVariable('TEAMS_SSO_APP_ID', '')
