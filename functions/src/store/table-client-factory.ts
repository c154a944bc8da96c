import { TableClient } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { TABLES, type TableName } from './table-names';

export type TableClientFactory = (table: TableName) => TableClient;

/** Tables over a connection string (Azurite locally: plain HTTP, so insecure connections are allowed). */
export function connectionStringTables(connectionString: string): TableClientFactory {
  const clients = new Map<TableName, TableClient>();
  return (table) => {
    let client = clients.get(table);
    if (!client) {
      client = TableClient.fromConnectionString(connectionString, table, {
        allowInsecureConnection:
          /DefaultEndpointsProtocol=http;|UseDevelopmentStorage=true|http:\/\//i.test(
            connectionString,
          ),
      });
      clients.set(table, client);
    }
    return client;
  };
}

/**
 * Tables over the account URL with an Entra credential (production: the Function App's managed
 * identity holding Storage Table Data Contributor; shared keys are disabled on the account).
 */
export function credentialTables(
  accountUrl: string,
  credential: TokenCredential,
): TableClientFactory {
  const clients = new Map<TableName, TableClient>();
  return (table) => {
    let client = clients.get(table);
    if (!client) {
      client = new TableClient(accountUrl, table, credential);
      clients.set(table, client);
    }
    return client;
  };
}

export async function ensureTables(tables: TableClientFactory): Promise<void> {
  await Promise.all(Object.values(TABLES).map((name) => tables(name).createTable()));
}
