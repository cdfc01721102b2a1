/**
 * Offline replay benchmark (issue 16) on its own local stack (in-memory DynamoDB Local + Qinghai seed
 * + the API under serverless-offline, stage `test`, free ports): an officer's 200 actions made
 * offline (150 consultations, 50 "informed" marks on an alert), queued by the phone's own queue code
 * (miniprogram/src/services/officer-queue.ts), replayed over HTTP when the network returns:
 *   1. without interruption;
 *   2. interrupted halfway: after 100 answers an answer is lost, then a page reloads with a request
 *      in flight, then the network drops before a send; each time a new page resumes the stored queue.
 * Counts the stored rows (consultations of the officer, marks of the alert): duplicates and losses
 * must both be 0. Prints the replay time.
 *
 *   npx tsx bench/offline-replay.ts [--consultations 150] [--marks 50]
 */
import '../scripts/lib/env';
import { cpus, totalmem } from 'node:os';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SEEDED_TABLE } from '../tests/harness/stack';
import { withSeededStack } from './lib/stack';

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CONSULTATIONS = option('consultations', 150);
const MARKS = option('marks', 50);
const TABLE = SEEDED_TABLE; // the test stage's table (serverless.yml: yinong-${sls:stage})
const TUQIAO_VILLAGE = '630202002214'; // 土桥村, 乐都区

Object.assign(process.env, {
  STAGE: 'test',
  TABLE_NAME: TABLE,
  TOKEN_SECRET: 'test-token-secret',
  CURSOR_SECRET: 'test-cursor-secret',
  YINONG_DEV_LOGIN: 'enabled',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});
process.env.AWS_REGION ??= 'cn-northwest-1';

async function main() {
  console.log(
    `Offline replay benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  await withSeededStack({}, async ({ apiUrl, dynamodbEndpoint, doc }) => {
    console.log('');
    process.env.DYNAMODB_ENDPOINT = dynamodbEndpoint; // for the in-process handlers run() loads
    await run(apiUrl, doc);
  });
}

async function run(apiUrl: string, doc: DynamoDBDocumentClient) {
  process.env.LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'silent';
  // Loaded once the environment points at this stack (config is read at first use).
  const { stationIdForVillage } = await import('../functions/domain/stations/station-identity');
  const { handlers } = await import('../tests/harness/handlers');
  const { invoke } = await import('../tests/harness/invoke');
  const { createUser } = await import('../tests/harness/users');
  const { expertOf, feedBody, feedIn } = await import('../tests/harness/feeds');
  const { offlineActions, replayWithInterruptions, storedRows } = await import('../tests/harness/offline-replay');
  const stationId = stationIdForVillage(TUQIAO_VILLAGE);
  const county = TUQIAO_VILLAGE.slice(0, 6);

  const scenario = async (label: string, interruptions: Parameters<typeof replayWithInterruptions>[2]) => {
    const officer = await createUser(doc, TABLE, { role: 'officer', stationId, stationVillageCode: TUQIAO_VILLAGE, name: '离线' });
    const admin = await createUser(doc, TABLE, { role: 'county_admin', regionCode: county });
    const feedId = await feedIn('PUBLISHED', await expertOf(doc, TABLE, county), admin, feedBody(county, { requiresAck: true }));
    const householdIds: string[] = [];
    for (let n = 0; n < MARKS; n++) {
      const res = await invoke(handlers.payments, {
        method: 'POST',
        path: `/stations/${stationId}/households`,
        headers: officer.auth,
        body: { headName: `户主${n}`, consent: true, allowDuplicate: true },
      });
      if (res.status !== 201) throw new Error(`household: ${res.status} ${res.raw}`);
      householdIds.push(res.json.id);
    }
    const actions = offlineActions({ stationId, feedId, householdIds, consultations: CONSULTATIONS });
    const report = await replayWithInterruptions(
      async (action) => {
        const res = await fetch(`${apiUrl}${action.path}`, {
          method: action.method,
          headers: { ...officer.auth, 'idempotency-key': action.key, 'content-type': 'application/json' },
          body: JSON.stringify(action.body),
        });
        return { status: res.status, json: await res.json().catch(() => null) };
      },
      actions,
      interruptions,
    );
    const rows = await storedRows(doc, TABLE, officer.user.id, feedId);
    const stored = rows.consultations + rows.informed;
    const duplicates = Math.max(0, rows.consultations - CONSULTATIONS) + Math.max(0, rows.informed - MARKS);
    const losses = Math.max(0, CONSULTATIONS - rows.consultations) + Math.max(0, MARKS - rows.informed);
    console.log(label);
    console.log(
      `  queued ${actions.length} (${CONSULTATIONS} consultations, ${MARKS} informed marks); requests sent ${report.requests}; pages ${report.pages}`,
    );
    console.log(`  stored ${stored} (consultations ${rows.consultations}, marks ${rows.informed}); duplicates ${duplicates}; losses ${losses}`);
    console.log(
      `  left pending ${report.pending}; conflicts ${report.conflicts}; replay ${report.replayMs} ms (${(report.replayMs / actions.length).toFixed(1)} ms per action)\n`,
    );
    return duplicates + losses + report.pending + report.conflicts;
  };

  const half = Math.floor((CONSULTATIONS + MARKS) / 2);
  let bad = await scenario('1. replay without interruption', []);
  bad += await scenario('2. replay interrupted halfway (answer lost at 100, reload with a request in flight, network gone before a send)', [
    { afterAnswers: half, kind: 'answer-lost' },
    { afterAnswers: half + 10, kind: 'in-flight-reload' },
    { afterAnswers: half + 20, kind: 'not-sent' },
  ]);
  if (bad) {
    console.error(`FAILED: ${bad} duplicates, losses, pending or conflicts`);
    process.exitCode = 1;
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
