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

  if (mode === 'full') {
    running.api = await startApiServer({
      port: await freePort(),
      lambdaPort: await freePort(),
      dynamodbPort,
      stage: 'test',
      logLevel: 'error',
    });
    process.env.TEST_API_URL = running.api.url;
    log(`API ${running.api.url}`);
    if (existsSync(join(distDir('h5'), 'index.html'))) {
      const web = await startWebServer({ port: await freePort(), distDir: distDir('h5'), apiTarget: running.api.url });
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
  await running.ddb?.stop();
}
