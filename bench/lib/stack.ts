/**
 * The local stack the benchmarks that go through HTTP share: an in-memory DynamoDB Local seeded with
 * Qinghai, the API under serverless-offline and, when asked, the web server for the H5 build, all on free
 * ports. Stopped (in reverse order) once the benchmark's work ends or fails, and when starting fails
 * half-way, so no DynamoDB Local or osls process outlives the benchmark.
 *
 * The test stage by default, on the test stack's table (tests/harness/stack.ts), so benchmarks sign
 * tokens with the test stage's secrets; run.ts asks for the local stage, which api.ts and payments.ts expect.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startApiServer, type ApiServer } from '../../scripts/lib/api-server';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../scripts/lib/dynamodb-local';
import { localClients } from '../../scripts/lib/local-clients';
import { distDir } from '../../scripts/lib/miniprogram-build';
import { freePort } from '../../scripts/lib/ports';
import { seedQinghai } from '../../scripts/lib/seed';
import { ensureTable } from '../../scripts/lib/table';
import { startWebServer, type WebServer } from '../../scripts/web-server';
import { SEEDED_TABLE } from '../../tests/harness/stack';

export interface SeededStackOptions {
  /** The API's stage (serverless.yml): its table is yinong-<stage>. Default 'test'. */
  stage?: 'test' | 'local';
  /** Also serve the H5 build (miniprogram/dist/h5) with /api proxied to the API. */
  web?: boolean;
  /** What the line printed once the stack is up starts with (`stack: DynamoDB Local …`); false prints nothing. */
  label?: string | false;
}

export interface SeededStack {
  apiUrl: string;
  /** Set when `web` was asked for. */
  webUrl?: string;
  dynamodbEndpoint: string;
  dynamodbPort: number;
  table: string;
  /** A document client on the seeded table's DynamoDB Local (for users and rows written straight to it). */
  doc: DynamoDBDocumentClient;
}

export async function withSeededStack<T>(options: SeededStackOptions, work: (stack: SeededStack) => Promise<T>): Promise<T> {
  const stage = options.stage ?? 'test';
  const table = stage === 'test' ? SEEDED_TABLE : `yinong-${stage}`;
  let ddb: DynamoDbLocal | undefined;
  let api: ApiServer | undefined;
  let web: WebServer | undefined;
  let clients: ReturnType<typeof localClients> | undefined;
  try {
    ddb = await startDynamoDbLocal({ port: await freePort() });
    clients = localClients(ddb.endpoint);
    const { client, doc } = clients;
    await seedQinghai(doc, table, { tableIsNew: await ensureTable(client, table) });
    api = await startApiServer({ port: await freePort(), lambdaPort: await freePort(), dynamodbPort: ddb.port, stage, logLevel: 'error' });
    if (options.web) web = await startWebServer({ port: await freePort(), distDir: distDir('h5'), apiTarget: api.url });
    const label = options.label ?? 'stack';
    if (label !== false)
      console.log(`${label}: DynamoDB Local ${ddb.endpoint} (in memory, seeded), API ${api.url} (serverless-offline, stage ${stage})`);
    return await work({ apiUrl: api.url, webUrl: web?.url, dynamodbEndpoint: ddb.endpoint, dynamodbPort: ddb.port, table, doc });
  } finally {
    clients?.client.destroy();
    await web?.close();
    await api?.stop();
    await ddb?.stop();
  }
}
