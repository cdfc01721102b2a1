/**
 * `npm start`: the whole system on this machine.
 *   DynamoDB Local (data on disk in .data/, kept across restarts; `npm start -- --reset` wipes it)
 *   + local S3 for images (s3rver, S3_PORT, default 4569, data in .data/s3; browsers reach it through the web server's /s3)
 *   -> table from serverless.yml -> Qinghai seed (only what is missing)
 *   -> the Lambda handlers behind serverless-offline (API_PORT, default 3000)
 *   -> the H5 build of the mini-program (WEB_PORT, default 10086), which reaches the API through /api.
 * Ctrl-C stops every child.
 */
import './lib/env';
import { startNotifierLoop } from './lib/notifier-loop';
import { startOrderReleaserLoop } from './lib/order-releaser-loop';
import { startSettlerLoop } from './lib/settler-loop';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from './lib/api-server';
import { startDynamoDbLocal, assertJava, type DynamoDbLocal } from './lib/dynamodb-local';
import { startS3Local } from './lib/s3-local';
import { PrerequisiteError } from './lib/errors';
import { ensurePrerequisites, thisMachine } from './lib/prerequisites';
import { localClients } from './lib/local-clients';
import { buildMiniprogram, distDir } from './lib/miniprogram-build';
import { assertPortsFree } from './lib/ports';
import { DEMO_ACCOUNTS, seedDemoAccounts } from './lib/demo-accounts';
import { seedPriceCatalogue } from './lib/price-catalogue';
import { seedQinghai } from './lib/seed';
import { ensureTable, ROOT } from './lib/table';
import { startWebServer } from './web-server';

const apiPort = Number(process.env.API_PORT ?? 3000);
const webPort = Number(process.env.WEB_PORT ?? 10086);
const dynamodbPort = Number(process.env.DYNAMODB_PORT ?? 8000);
const lambdaPort = Number(process.env.LAMBDA_PORT ?? 3002);
const s3Port = Number(process.env.S3_PORT ?? 4569);
const dataDir = join(ROOT, '.data', 'dynamodb');
const s3Dir = join(ROOT, '.data', 's3');
const TABLE = 'yinong-local';

const say = (line: string) => process.stdout.write(`[yinong] ${line}\n`);
const stoppers: Array<() => Promise<void>> = [];
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main() {
  const started = Date.now();
  const reset = process.argv.includes('--reset');
  // Java for DynamoDB Local: installed here when this is root with apt-get, otherwise the one command to run.
  if (!ensurePrerequisites('start', thisMachine, say)) return shutdown(1);
  assertJava();
  await assertPortsFree([
    { port: apiPort, what: 'API', envVar: 'API_PORT' },
    { port: webPort, what: 'H5 app', envVar: 'WEB_PORT' },
    { port: dynamodbPort, what: 'DynamoDB Local', envVar: 'DYNAMODB_PORT' },
    { port: lambdaPort, what: 'serverless-offline Lambda endpoint', envVar: 'LAMBDA_PORT' },
    { port: s3Port, what: 'local S3', envVar: 'S3_PORT' },
  ]);
  if (reset) {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(s3Dir, { recursive: true, force: true });
    say('--reset: local data wiped');
  }

  // The H5 build (the slow part, ~45 s when sources changed) runs while the database starts and seeds.
  const h5 = buildMiniprogram('h5').then((result) => {
    say(result.built ? `H5 app built in ${(result.ms / 1000).toFixed(1)} s` : 'H5 app up to date (no rebuild needed)');
  });

  const ddb: DynamoDbLocal = await startDynamoDbLocal({ port: dynamodbPort, dbPath: dataDir });
  stoppers.push(ddb.stop);
  say(`DynamoDB Local on ${ddb.endpoint} (data in .data/dynamodb)`);
  const { client, doc } = localClients(ddb.endpoint);
  const tableIsNew = await ensureTable(client, TABLE);
  if (tableIsNew) say(`table ${TABLE} created from serverless.yml`);
  const seed = await seedQinghai(doc, TABLE, {
    tableIsNew,
    onProgress: (done, total) => say(`seeding… ${done}/${total}`),
  });
  say(
    `seed: ${seed.regions} regions, ${seed.stations} stations; wrote ${seed.written}, kept ${seed.alreadyPresent} (${(seed.ms / 1000).toFixed(1)} s)`,
  );

  const s3 = await startS3Local({ port: s3Port, directory: s3Dir });
  stoppers.push(s3.stop);
  say(`local S3 on ${s3.endpoint} (bucket ${s3.bucket}, data in .data/s3)`);

  const accounts = await seedDemoAccounts(doc, TABLE);
  say(`demo accounts: ${accounts} created, ${DEMO_ACCOUNTS.length - accounts} kept`);
  say(`market-price catalogue: ${await seedPriceCatalogue(doc, TABLE)} entries created`);

  const api: ApiServer = await startApiServer({
    port: apiPort,
    lambdaPort,
    dynamodbPort,
    // Images are handed out at the web server's /s3, which forwards to the local S3.
    extraEnv: { S3_PORT: String(s3Port), S3_PUBLIC_URL: `http://127.0.0.1:${webPort}/s3` },
    onOutput: (text) => {
      for (const line of text.split('\n')) if (/"level":"(error|warn)"/.test(line)) process.stdout.write(`[api] ${line}\n`);
    },
  });
  stoppers.push(api.stop);
  say(`API on ${api.url} (try ${api.url}/health)`);

  stoppers.push(startSettlerLoop({ endpoint: ddb.endpoint, table: TABLE, say }));
  stoppers.push(startNotifierLoop({ endpoint: ddb.endpoint, table: TABLE, say }));
  stoppers.push(startOrderReleaserLoop({ endpoint: ddb.endpoint, table: TABLE, say }));

  await h5;
  const web = await startWebServer({ port: webPort, distDir: distDir('h5'), apiTarget: api.url, s3Target: s3.endpoint });
  stoppers.push(web.close);

  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`  H5 app:   ${web.url}  (enter a station code, e.g. 630202002214 = 土桥村, 乐都区, 海东市)`);
  say(`  API:      ${api.url}   OpenAPI: ${api.url}/openapi.json`);
  say(`  DynamoDB: ${ddb.endpoint}   table ${TABLE}`);
  say(`  S3:       ${s3.endpoint}   bucket ${s3.bucket} (images at ${web.url}/s3/)`);
  say(`  Sign in (H5 dev login) as: ${DEMO_ACCOUNTS.map((a) => `${a.openid} (${a.role})`).join(', ')}`);
  say('Ctrl-C stops everything.');

  ddb.process.once('exit', () => {
    if (!stopping) {
      say('DynamoDB Local stopped unexpectedly');
      void shutdown(1);
    }
  });
  api.child.process.once('exit', () => {
    if (!stopping) {
      say(`the API stopped unexpectedly:\n${api.child.output().slice(-2000)}`);
      void shutdown(1);
    }
  });
}

main().catch(async (error) => {
  if (error instanceof PrerequisiteError) process.stderr.write(`[yinong] ${error.message}\n`);
  else process.stderr.write(`[yinong] could not start: ${(error as Error).message}\n`);
  await shutdown(1);
});
