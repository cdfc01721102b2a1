/**
 * The test run's own stack, on ports the OS hands out (so it runs beside `npm start`):
 *   YINONG_TEST_STACK=full (default): in-memory DynamoDB Local + Qinghai seed + API + H5 web server
 *   YINONG_TEST_STACK=db:   DynamoDB Local + seed only (quick unit/integration iterations)
 *   YINONG_TEST_STACK=none: nothing (pure unit tests)
 * Values reach the test workers through environment variables set here, before jest forks them.
 */
import '../../scripts/lib/env';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '../../scripts/lib/api-server';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../scripts/lib/dynamodb-local';
import { localClients } from '../../scripts/lib/local-clients';
import { distDir } from '../../scripts/lib/miniprogram-build';
import { freePort } from '../../scripts/lib/ports';
import { startS3Local, type S3Local } from '../../scripts/lib/s3-local';
import { seedDemoAccounts } from '../../scripts/lib/demo-accounts';
import { seedQinghai } from '../../scripts/lib/seed';
import { seedPriceCatalogue } from '../../scripts/lib/price-catalogue';
import { ensureTable } from '../../scripts/lib/table';
import { startWebServer } from '../../scripts/web-server';

export const SEEDED_TABLE = 'yinong-test';
/** 土桥村 (乐都区, 海东市): the station the end-to-end tests open. */
export const DEMO_STATION_CODE = '630202002214';

interface Running {
  ddb?: DynamoDbLocal;
  s3?: S3Local;
  api?: ApiServer;
  web?: { close(): Promise<void> };
}
const running: Running = {};

export async function startTestStack(): Promise<void> {
  try {
    await startServices();
  } catch (error) {
    // Jest does not run the teardown when the setup fails: leave no orphan behind.
    await stopTestStack();
    throw error;
  }
}

async function startServices(): Promise<void> {
  const mode = process.env.YINONG_TEST_STACK ?? 'full';
  if (mode === 'none') return;
  const log = (line: string) => process.stdout.write(`[test stack] ${line}\n`);
  const started = Date.now();

  const dynamodbPort = await freePort();
  running.ddb = await startDynamoDbLocal({ port: dynamodbPort });
  const { client, doc } = localClients(running.ddb.endpoint);
  const tableIsNew = await ensureTable(client, SEEDED_TABLE);
  const seed = await seedQinghai(doc, SEEDED_TABLE, { tableIsNew });
  await seedDemoAccounts(doc, SEEDED_TABLE);
  await seedPriceCatalogue(doc, SEEDED_TABLE);
  client.destroy();
  process.env.TEST_DYNAMODB_ENDPOINT = running.ddb.endpoint;
  process.env.TEST_SEEDED_TABLE = SEEDED_TABLE;
  log(`DynamoDB Local ${running.ddb.endpoint}, seeded ${seed.written} items in ${seed.ms} ms`);
  // Local S3 (s3rver, in this process, a temporary folder): in-process handlers and the API store images there.
  running.s3 = await startS3Local({ port: await freePort() });
  process.env.TEST_S3_ENDPOINT = running.s3.endpoint;
  process.env.TEST_UPLOADS_BUCKET = running.s3.bucket;
  log(`local S3 ${running.s3.endpoint}`);

  if (mode === 'full') {
    // With an H5 build, browsers (and tests) reach the local S3 through the web server's /s3, as under `npm start`.
    const hasWeb = existsSync(join(distDir('h5'), 'index.html'));
    const webPort = await freePort();
    const s3PublicUrl = hasWeb ? `http://127.0.0.1:${webPort}/s3` : running.s3.endpoint;
    process.env.TEST_S3_PUBLIC_URL = s3PublicUrl;
    running.api = await startApiServer({
      port: await freePort(),
      lambdaPort: await freePort(),
      dynamodbPort,
      stage: 'test',
      logLevel: 'error',
      extraEnv: { S3_PORT: String(running.s3.port), S3_PUBLIC_URL: s3PublicUrl },
    });
    process.env.TEST_API_URL = running.api.url;
    log(`API ${running.api.url}`);
    if (hasWeb) {
      const web = await startWebServer({ port: webPort, distDir: distDir('h5'), apiTarget: running.api.url, s3Target: running.s3.endpoint });
      running.web = web;
      process.env.E2E_WEB_URL = web.url;
      process.env.E2E_STATION_CODE = DEMO_STATION_CODE;
      log(`H5 app ${web.url}`);
    } else {
      log('no H5 build in miniprogram/dist/h5: run `npm test` (which builds it) for the end-to-end tests');
    }
  }
  log(`ready in ${Date.now() - started} ms`);
}

export async function stopTestStack(): Promise<void> {
  await running.web?.close();
  await running.api?.stop();
  await running.s3?.stop();
  await running.ddb?.stop();
}
