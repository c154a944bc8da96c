// Data-plane roles on one storage account for one principal.

param storageAccountName string

@description('Object (principal) id of the managed identity.')
param principalId string

@description('Role definition GUIDs, e.g. Storage Table Data Contributor.')
param roleDefinitionIds array

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleDefinitionId in roleDefinitionIds: {
    name: guid(account.id, principalId, roleDefinitionId)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]
