// Static Web App (Free) hosting the built tabs; content is pushed with a deployment token.

param name string

@description('Static Web Apps run in a few regions only (eastasia is the nearest to Viet Nam).')
param location string

param tags object = {}

@allowed([
  'Free'
  'Standard'
])
param sku string = 'Free'

resource site 'Microsoft.Web/staticSites@2023-12-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
    tier: sku
  }
  properties: {
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
  }
}

output id string = site.id
output name string = site.name
output defaultHostname string = site.properties.defaultHostname
