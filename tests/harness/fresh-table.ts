import { randomUUID } from 'node:crypto';
import { localClients } from '../../scripts/lib/local-clients';
import { ensureTable } from '../../scripts/lib/table';
import { resetConfigForTests } from '../../functions/config';
import { resetDbForTests } from '../../functions/data/client';

/**
 * A new empty table for one test file that writes, so tests never see each other's data. Points the
 * code under test (config + client) at it and returns SDK clients for counting what is stored.
 */
export async function useFreshTable(prefix = 't') {
  const endpoint = process.env.TEST_DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('No test DynamoDB: run through jest (its global setup starts DynamoDB Local)');
  const tableName = `${prefix}-${randomUUID().slice(0, 8)}`;
  const clients = localClients(endpoint);
  await ensureTable(clients.client, tableName);
  process.env.TABLE_NAME = tableName;
  resetConfigForTests();
  resetDbForTests();
  return { tableName, ...clients };
}

/** Points the code under test back at the run's seeded Qinghai table. */
export function useSeededTable(): void {
  process.env.TABLE_NAME = process.env.TEST_SEEDED_TABLE;
  resetConfigForTests();
  resetDbForTests();
}
