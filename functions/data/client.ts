import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config';
import { createLogger } from '../logging/logger';

let documentClient: DynamoDBDocumentClient | undefined;

/**
 * One client per Lambda container, created on first use. Timeouts are short on purpose: a request
 * that cannot reach DynamoDB quickly answers 503 with a retry hint instead of hanging the function.
 */
export function db(): DynamoDBDocumentClient {
  if (!documentClient) {
    const { dynamodbEndpoint, region } = config();
    const client = new DynamoDBClient({
      region,
      endpoint: dynamodbEndpoint,
      maxAttempts: 3,
      // The SDK's own warnings (a slow request, a saturated socket pool) go to our JSON log, not the console.
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000, logger: sdkLogger() },
      ...(dynamodbEndpoint ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    });
    documentClient = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
  }
  return documentClient;
}

function sdkLogger() {
  const log = createLogger({ component: 'dynamodb-client' });
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (message: string) => log.warn(message),
    error: (message: string) => log.error(message),
  };
}

export function tableName(): string {
  return config().tableName;
}

export function resetDbForTests(): void {
  documentClient?.destroy();
  documentClient = undefined;
}
