// Azure Functions on the Flex Consumption plan (Linux, Node 22), one always-ready HTTP instance,
// storage reached with a user-assigned managed identity (the account has shared keys disabled).

param name string
param location string
param tags object = {}

@description('Storage account for the Functions host (AzureWebJobsStorage) and the deployment container.')
param storageAccountName string

@description('https://<account>.blob.core.windows.net/<container> the plan deploys from.')
param deploymentContainerUrl string

@description('Resource id of the identity used for storage (host, deployment, tables).')
param storageIdentityId string

@description('Client id of that identity.')
param storageIdentityClientId string

@description('Further user-assigned identities to attach (e.g. the bot identity), by resource id.')
param extraIdentityIds array = []

@description('App settings (name: value); the storage and monitoring settings are added here. Secure: it may carry a client secret.')
@secure()
param appSettings object

param appInsightsConnectionString string

@description('Origins allowed to call the API from a browser (the tab host).')
param allowedOrigins array

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Instances kept warm for HTTP triggers (card clicks must not wait for a cold start).')
@minValue(0)
param alwaysReadyHttpInstances int = 1

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

// Flex Consumption refuses FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION and
// WEBSITE_NODE_DEFAULT_VERSION: the runtime is set in functionAppConfig instead.
var hostSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: storageIdentityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  // DefaultAzureCredential in the app picks this user-assigned identity.
  AZURE_CLIENT_ID: storageIdentityClientId
}

var identityIds = union([storageIdentityId], extraIdentityIds)

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: toObject(identityIds, id => id, id => {})
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      cors: {
        allowedOrigins: allowedOrigins
        supportCredentials: false
      }
      appSettings: [
        for setting in items(union(appSettings, hostSettings)): {
          name: setting.key
          value: setting.value
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: storageIdentityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: alwaysReadyHttpInstances > 0
          ? [
              {
                name: 'http'
                instanceCount: alwaysReadyHttpInstances
              }
            ]
          : []
      }
      runtime: {
        name: 'node'
        version: '22'
      }
    }
  }
}

// No publishing with user names and passwords: deployments authenticate with Entra ID.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

output id string = site.id
output name string = site.name
output defaultHostName string = site.properties.defaultHostName
