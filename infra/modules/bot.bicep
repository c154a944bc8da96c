// Single-tenant Azure Bot whose identity is a user-assigned managed identity (no secret), with the
// Microsoft Teams channel. The Functions app serves its messaging endpoint.

@description('Bot handle: globally unique, letters, digits, - _ and .')
param name string

param displayName string

@description('https://<function app host>/api/messages')
param endpoint string

@description('Resource id of the user-assigned identity the bot authenticates as.')
param identityResourceId string

@description('Client id of that identity: the bot (Microsoft App) id.')
param identityClientId string

@description('Tenant of that identity.')
param identityTenantId string

param tags object = {}

@allowed([
  'F0'
  'S1'
])
@description('Teams is a standard channel: F0 has no message limit for it.')
param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppTenantId: identityTenantId
    msaAppMSIResourceId: identityResourceId
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
output botId string = identityClientId
