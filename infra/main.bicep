// QCDC for Microsoft Teams: storage (tables), Functions app (Flex Consumption) hosting the API and
// the bot, single-tenant Azure Bot with the Teams channel, Static Web App for the tabs, monitoring.
// Deployed by `arm/deploy` in teamsapp.yml with infra/main.parameters.json; the outputs in
// UPPER_CASE become variables in env/.env.<environment>.
targetScope = 'resourceGroup'

@description('Short lowercase prefix for resource names (letters and digits).')
@minLength(2)
@maxLength(8)
param namePrefix string = 'qcdc'

@description('Environment name (dev, test, prod); part of resource names.')
@minLength(2)
@maxLength(8)
param environmentName string = 'dev'

@description('Region for storage, the Functions app and monitoring.')
param location string = 'southeastasia'

@description('Static Web Apps run in a few regions only; eastasia is the nearest to Viet Nam.')
@allowed([
  'eastasia'
  'westus2'
  'centralus'
  'eastus2'
  'westeurope'
])
param staticWebAppLocation string = 'eastasia'

@description('Client id of the Entra app for Teams SSO and RSC (manifest webApplicationInfo.id).')
param aadAppClientId string

@description('Client secret of that Entra app, for on-behalf-of and app-only Graph calls. Optional.')
@secure()
param aadAppClientSecret string = ''

@description('Comma-separated Entra tenant ids whose users may call the API.')
param allowedTenants string = tenant().tenantId

@description('Upper bound of the Flex Consumption scale-out.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per Flex Consumption instance.')
@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

param tags object = {}

var suffix = take(uniqueString(subscription().id, resourceGroup().id, namePrefix, environmentName), 6)
var baseName = '${namePrefix}-${environmentName}-${suffix}'
var storageAccountName = take(toLower('st${namePrefix}${environmentName}${suffix}'), 24)
var allTags = union(tags, {
  application: 'qcdc-teams'
  environment: environmentName
})

// The app's tables (functions/src/store): every query names its partition.
var tableNames = [
  'units'
  'bodies'
  'memberships'
  'meetings'
  'votes'
  'assignments'
  'userassignments'
  'consultations'
  'userrecommendations'
  'cases'
  'usercases'
  'disclosures'
  'downloadtickets'
  'dueindex'
  'outbox'
  'conversations'
  'notificationsettings'
]

var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    baseName: baseName
    location: location
    tags: allTags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    tags: allTags
    tableNames: tableNames
  }
}

// The Functions app's own identity: host storage, deployment package, tables.
module functionIdentity 'modules/identity.bicep' = {
  name: 'function-identity'
  params: {
    name: 'id-${baseName}-func'
    location: location
    tags: allTags
  }
}

// The bot's identity: the Azure Bot authenticates as it (msaAppId = its client id) and the Teams
// SDK in the Functions app gets bot tokens with it (CLIENT_ID set, no CLIENT_SECRET).
module botIdentity 'modules/identity.bicep' = {
  name: 'bot-identity'
  params: {
    name: 'id-${baseName}-bot'
    location: location
    tags: allTags
  }
}

module storageRoles 'modules/storage-roles.bicep' = {
  name: 'storage-roles'
  params: {
    storageAccountName: storage.outputs.name
    principalId: functionIdentity.outputs.principalId
    roleDefinitionIds: [
      roles.storageBlobDataOwner // Functions host blobs and the deployment container
      roles.storageTableDataContributor // the app's tables
    ]
  }
}

module tabs 'modules/static-web-app.bicep' = {
  name: 'tabs'
  params: {
    name: 'stapp-${baseName}'
    location: staticWebAppLocation
    tags: allTags
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    name: 'func-${baseName}'
    location: location
    tags: allTags
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    storageIdentityId: functionIdentity.outputs.id
    storageIdentityClientId: functionIdentity.outputs.clientId
    extraIdentityIds: [
      botIdentity.outputs.id
    ]
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    allowedOrigins: [
      'https://${tabs.outputs.defaultHostname}'
    ]
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    appSettings: {
      QCDC_STORAGE_ACCOUNT_URL: storage.outputs.tableEndpoint
      QCDC_AUTH_MODE: 'entra'
      // Teams SSO tokens are v2 (aad.manifest.json sets accessTokenAcceptedVersion 2): aud = client id.
      QCDC_API_AUDIENCE: aadAppClientId
      QCDC_ALLOWED_TENANTS: allowedTenants
      // Graph (rosters, attendance reports, activity feed) as the same Entra app.
      QCDC_GRAPH_MODE: 'entra'
      QCDC_GRAPH_CLIENT_ID: aadAppClientId
      QCDC_GRAPH_CLIENT_SECRET: aadAppClientSecret
      QCDC_TAB_ORIGIN: 'https://${tabs.outputs.defaultHostname}'
      // Read by the Teams SDK v2: bot identity = the user-assigned managed identity.
      CLIENT_ID: botIdentity.outputs.clientId
      TENANT_ID: botIdentity.outputs.tenantId
      MANAGED_IDENTITY_CLIENT_ID: botIdentity.outputs.clientId
    }
  }
  dependsOn: [
    storageRoles // the host must be able to reach its storage when it first starts
  ]
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${baseName}'
    displayName: 'QCDC (${environmentName})'
    endpoint: 'https://${functionApp.outputs.defaultHostName}/api/messages'
    identityResourceId: botIdentity.outputs.id
    identityClientId: botIdentity.outputs.clientId
    identityTenantId: botIdentity.outputs.tenantId
    tags: allTags
  }
}

// Function app host name (the bot's messaging endpoint and the API live there).
output BOT_DOMAIN string = functionApp.outputs.defaultHostName
output FUNCTION_APP_HOSTNAME string = functionApp.outputs.defaultHostName
output FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_RESOURCE_ID string = functionApp.outputs.id
output API_ENDPOINT string = 'https://${functionApp.outputs.defaultHostName}/api'
// The tabs live on another origin (the Static Web App): their build must call the API here
// (CORS on the Functions app allows TAB_ENDPOINT). Same name as the Vite dev proxy's setting.
output QCDC_API_ORIGIN string = 'https://${functionApp.outputs.defaultHostName}'
// Bot (Microsoft App) id: the bot identity's client id; manifest bots[0].botId.
output BOT_ID string = bot.outputs.botId
output BOT_TENANT_ID string = botIdentity.outputs.tenantId
// Tab host name: manifest tab URLs, validDomains and the SSO resource.
output TAB_DOMAIN string = tabs.outputs.defaultHostname
output TAB_ENDPOINT string = 'https://${tabs.outputs.defaultHostname}'
output AZURE_STATIC_WEB_APPS_RESOURCE_ID string = tabs.outputs.id
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
