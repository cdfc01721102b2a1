/**
 * Creates the table from its one definition: the `YinongTable` resource in serverless.yml.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { parse } from 'yaml';

export const ROOT = join(__dirname, '..', '..');

interface TableResource {
  Properties: CreateTableCommandInput & {
    TimeToLiveSpecification?: { AttributeName: string; Enabled: boolean };
  };
}

export function tableDefinition(tableName: string): { create: CreateTableCommandInput; ttlAttribute?: string } {
  const doc = parse(readFileSync(join(ROOT, 'serverless.yml'), 'utf8')) as {
    // A list: the per-function roles (generated), then the table, bucket and API settings.
    resources: Array<string | { Resources?: { YinongTable?: TableResource } }>;
  };
  const table = doc.resources.map((part) => (typeof part === 'object' ? part.Resources?.YinongTable : undefined)).find(Boolean);
  if (!table) throw new Error('serverless.yml: no YinongTable resource');
  const p = table.Properties;
  return {
    create: {
      TableName: tableName,
      BillingMode: p.BillingMode,
      AttributeDefinitions: p.AttributeDefinitions,
      KeySchema: p.KeySchema,
      GlobalSecondaryIndexes: p.GlobalSecondaryIndexes,
    },
    ttlAttribute: p.TimeToLiveSpecification?.Enabled ? p.TimeToLiveSpecification.AttributeName : undefined,
  };
}

/** Creates the table unless it exists; returns true when it was created now. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  const { create, ttlAttribute } = tableDefinition(tableName);
  await client.send(new CreateTableCommand(create));
  if (ttlAttribute) {
    await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true } }));
  }
  return true;
}
