/**
 * Crash under load (reliability.md FA3), shared by tests/integration/crash-under-load.test.ts (small) and
 * bench/crash-load.ts (bigger): its own stack with DynamoDB Local keeping its data ON DISK in a temporary
 * folder (as a real table would), a mixed load (station reads, feed and listing pages, cash payments,
 * orders, WeChat Pay callbacks, the settler and the hold-expiry job), then SIGKILL of the API's process
 * group and of DynamoDB Local in the middle, both restarted on the same data folder, the rest of the load,
 * and every unanswered write retried with its own Idempotency-Key. Afterwards the table is counted:
 * `violations` lists every broken promise (empty when all hold).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startApiServer, type ApiServer } from '../../scripts/lib/api-server';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../scripts/lib/dynamodb-local';
import { localClients } from '../../scripts/lib/local-clients';
import { freePort } from '../../scripts/lib/ports';
import { seedQinghai } from '../../scripts/lib/seed';
import { ensureTable } from '../../scripts/lib/table';
import { plainAccountNo } from './account-numbers';
import { entitiesOf } from './count';
import { listingBody } from './market';
import { newKey, officerOf, TUQIAO } from './payments';
import { createUser } from './users';

export interface CrashLoadSize {
  payments: number;
  orders: number;
  reads: number;
  /** Requests in flight at once (serverless-offline starts a worker per concurrent request). */
  concurrency: number;
}
export const SMALL: CrashLoadSize = { payments: 24, orders: 24, reads: 24, concurrency: 6 };

const TABLE = 'yinong-test'; // the test stage's table
const LISTINGS = 4;
/** Fewer units than orders (some answer 409 OUT_OF_STOCK), more as the load grows. */
const stockPerListing = (size: CrashLoadSize) => Math.max(5, Math.ceil((size.orders * 0.8) / LISTINGS));
const HOLDING = new Set(['PENDING_PAYMENT', 'PAID', 'READY_FOR_PICKUP', 'HANDED_OVER', 'SHIPPED', 'RECEIVED', 'REFUND_REQUESTED', 'REFUNDING']);

type Answer = { status: number; json: any } | { status: 'no answer'; error: string };
/** serverless-offline answers a Lambda timeout with a 200 and `{errorType, errorMessage}` where API Gateway answers 5xx. */
const lambdaFailed = (a: Answer) => typeof a.status === 'number' && typeof a.json?.errorType === 'string';
const ok = (a: Answer) => typeof a.status === 'number' && a.status >= 200 && a.status < 300 && !lambdaFailed(a);
const final = (a: Answer) =>
  typeof a.status === 'number' && a.status < 500 && !lambdaFailed(a) && !(a.status === 409 && a.json?.error?.code === 'IDEMPOTENCY_IN_PROGRESS');

interface WriteOp {
  kind: 'payment' | 'order';
  key: string;
  auth: Record<string, string>;
  userId: string;
  body: Record<string, unknown>;
  answers: Answer[];
  /** Orders: whether this one is paid through the WeChat Pay stub's sheet (its signed callback). */
  pays?: boolean;
  confirm?: Answer;
}

export interface CrashLoadReport {
  counts: Record<string, number | string>;
  violations: string[];
}

const scanAll = (doc: DynamoDBDocumentClient, entity: string) => entitiesOf(doc, TABLE, entity);

let settledBySettler = 0;

/** The in-process jobs (settler, hold expiry) loaded against this stack's table. */
async function jobs(endpoint: string) {
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.TABLE_NAME = TABLE;
  const { resetConfigForTests } = await import('../../functions/config');
  const { resetDbForTests } = await import('../../functions/data/client');
  resetConfigForTests();
  resetDbForTests();
  const { runSettler } = await import('../../functions/jobs/settler');
  const { runOrderReleaser } = await import('../../functions/jobs/order-releaser');
  const silent = { error: () => undefined, info: () => undefined, warn: () => undefined, debug: () => undefined } as never;
  return {
    settle: async () => {
      const report = await runSettler({ minAgeMs: 0 }, silent);
      settledBySettler += report.succeeded + report.failed;
      return report;
    },
    // As if the 15-minute holds had run out: every unpaid order is due.
    expire: () => runOrderReleaser(() => new Date(Date.now() + 16 * 60_000), silent),
  };
}

export async function runCrashLoad(size: CrashLoadSize = SMALL, log: (line: string) => void = () => undefined): Promise<CrashLoadReport> {
  const t0 = Date.now();
  const say = (line: string) => log(`${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s  ${line}`);
  const saved = { endpoint: process.env.DYNAMODB_ENDPOINT, table: process.env.TABLE_NAME };
  settledBySettler = 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'yinong-crash-'));
  let ddb: DynamoDbLocal | undefined;
  let api: ApiServer | undefined;
  const startApi = async (dynamodbPort: number) =>
    startApiServer({
      port: await freePort(),
      lambdaPort: await freePort(),
      dynamodbPort,
      stage: 'test',
      logLevel: 'error',
      // A retry after the kill takes over its dead holder's key after 3 s, not 60 (serverless.yml idempotencyLockMs).
      extraEnv: { IDEMPOTENCY_LOCK_MS: '3000' },
    });
  try {
    ddb = await startDynamoDbLocal({ port: await freePort(), dbPath: dataDir });
    const { client, doc } = localClients(ddb.endpoint);
    say(`DynamoDB Local up (data in ${dataDir})`);
    // 乐都区 only (its stations, regions and the chain above): all of Qinghai takes minutes to write to disk.
    await seedQinghai(doc, TABLE, { tableIsNew: await ensureTable(client, TABLE), onlyRegion: '630202' });
    say('seeded 乐都区');
    api = await startApi(ddb.port);
    say(`stack: DynamoDB Local ${ddb.endpoint} on disk (${dataDir}), API ${api.url}`);

    const send = async (method: string, path: string, auth: Record<string, string> | null, body?: unknown, key?: string): Promise<Answer> => {
      try {
        const res = await fetch(`${api!.url}${path}`, {
          method,
          headers: { ...(auth ?? {}), ...(key ? { 'idempotency-key': key } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(30_000),
        });
        return { status: res.status, json: await res.json().catch(() => null) };
      } catch (error) {
        return { status: 'no answer', error: (error as Error).message };
      }
    };

    // Fixtures: an officer of 土桥村 with a cooperative and its listings, and buyers.
    const officer = await officerOf(doc, TABLE, TUQIAO);
    const seller = await send('POST', `/stations/${TUQIAO.id}/sellers`, officer.auth, { kind: 'cooperative', name: '崩溃测试合作社', consent: true });
    if (seller.status !== 201) throw new Error(`seller: ${JSON.stringify(seller)}`);
    const listings: string[] = [];
    for (let i = 0; i < LISTINGS; i++) {
      const res = await send(
        'POST',
        '/listings',
        officer.auth,
        listingBody((seller as any).json.id, { stock: stockPerListing(size), priceFen: 3_000 }),
      );
      if (res.status !== 201) throw new Error(`listing: ${JSON.stringify(res)}`);
      listings.push((res as any).json.id);
    }
    // Each buyer orders each listing at most once (so a duplicate shows as two orders of one pair), at most 4 unpaid.
    const buyers = await Promise.all(
      Array.from({ length: Math.ceil(size.orders / Math.min(4, LISTINGS)) }, () => createUser(doc, TABLE, { role: 'buyer' })),
    );

    say(`fixtures: a cooperative, ${LISTINGS} listings of ${stockPerListing(size)}, ${buyers.length} buyers`);
    const writes: WriteOp[] = [];
    for (let i = 0; i < size.payments; i++) {
      // One in four settles later (the sandbox's ….9004): PROCESSING until the settler asks.
      const accountNo = i % 4 === 3 ? `139${String(i).padStart(4, '0')}9004` : plainAccountNo();
      writes.push({
        kind: 'payment',
        key: newKey(),
        auth: officer.auth,
        userId: officer.user.id,
        body: { stationId: TUQIAO.id, billType: 'phone', accountNo, amountFen: 1_000 + i, method: 'cash' },
        answers: [],
      });
    }
    for (let i = 0; i < size.orders; i++) {
      const buyer = buyers[i % buyers.length];
      const listingId = listings[Math.floor(i / buyers.length) % LISTINGS];
      writes.push({
        kind: 'order',
        key: newKey(),
        auth: buyer.auth,
        userId: buyer.user.id,
        body: { items: [{ listingId, quantity: 1 }], delivery: { mode: 'pickup' } },
        answers: [],
        pays: i % 2 === 0,
      });
    }
    const reads = Array.from(
      { length: size.reads },
      (_, i) => [`/stations/by-code/${TUQIAO.villageCode}`, `/feeds?region=${TUQIAO.villageCode}`, '/listings?region=630202'][i % 3],
    );
    const readAnswers: Answer[] = [];

    type Op = () => Promise<void>;
    const writeOp =
      (op: WriteOp): Op =>
      async () => {
        const answer = await send('POST', op.kind === 'payment' ? '/payments' : '/orders', op.auth, op.body, op.key);
        op.answers.push(answer);
        if (op.kind === 'order' && op.pays && ok(answer)) await payThroughSheet(op);
      };
    const payThroughSheet = async (op: WriteOp) => {
      const id = (op.answers.find(ok) as any).json.id;
      const prepay = await send('POST', `/orders/${id}/pay`, op.auth);
      op.confirm = ok(prepay) ? await send('POST', `/dev/wechatpay/orders/${id}/confirm`, op.auth) : prepay;
    };
    // Interleaved: reads, payments and orders side by side.
    const ops: Op[] = [];
    const queues: Op[][] = [
      writes.filter((w) => w.kind === 'payment').map(writeOp),
      writes.filter((w) => w.kind === 'order').map(writeOp),
      reads.map((path) => async () => void readAnswers.push(await send('GET', path, null))),
    ];
    while (queues.some((q) => q.length)) for (const q of queues) if (q.length) ops.push(q.shift()!);

    const pool = async (list: Op[], onDone?: (done: number) => void) => {
      let next = 0;
      let done = 0;
      await Promise.all(
        Array.from({ length: size.concurrency }, async () => {
          while (next < list.length) {
            await list[next++]();
            onDone?.(++done);
          }
        }),
      );
    };

    const half = Math.floor(ops.length / 2);
    let job = await jobs(ddb.endpoint);
    const jobRuns: string[] = [];
    // First half: the jobs run once a quarter in; at 3/8 both processes are killed mid-flight.
    let killed: Promise<void> | undefined;
    await pool(ops.slice(0, half), (done) => {
      if (done === Math.floor(half / 2))
        void Promise.all([job.settle(), job.expire()]).then(
          () => jobRuns.push('before the kill'),
          () => jobRuns.push('cut by the kill'),
        );
      if (done === Math.floor((half * 3) / 4) && !killed) {
        killed = (async () => {
          const apiGone = new Promise((r) => api!.child.process.once('exit', r));
          const ddbGone = new Promise((r) => ddb!.process.once('exit', r));
          process.kill(-api!.child.process.pid!, 'SIGKILL');
          ddb!.process.kill('SIGKILL');
          await Promise.all([apiGone, ddbGone]);
          say('killed the API (process group) and DynamoDB Local with SIGKILL');
        })();
      }
    });
    await killed;
    const restartAt = Date.now();
    ddb = await startDynamoDbLocal({ port: await freePort(), dbPath: dataDir });
    api = await startApi(ddb.port);
    const restartMs = Date.now() - restartAt;
    say(`restarted both on the same data folder in ${restartMs} ms: DynamoDB Local ${ddb.endpoint}, API ${api.url}`);
    const after = localClients(ddb.endpoint).doc;
    job = await jobs(ddb.endpoint);

    say('first half of the load done');
    // Second half, the jobs once more in its middle.
    await pool(ops.slice(half), (done) => {
      if (done === Math.floor((ops.length - half) / 2)) void Promise.all([job.settle(), job.expire()]).then(() => jobRuns.push('after the restart'));
    });

    say('second half of the load done');
    // Every write without a final answer is retried with the same key (a dead holder's key is taken over).
    let retries = 0;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const open = writes.filter((w) => !final(w.answers[w.answers.length - 1]));
      if (!open.length || Date.now() > deadline) break;
      retries += open.length;
      await pool(open.map(writeOp));
      if (writes.some((w) => !final(w.answers[w.answers.length - 1]))) await new Promise((r) => setTimeout(r, 1_000));
    }
    say(`retries done (${retries} requests)`);
    // Orders whose sheet was cut by the kill: paid again (a duplicate callback is answered, not applied).
    for (const op of writes.filter((w) => w.pays && w.answers.some(ok) && !(w.confirm && final(w.confirm)))) await payThroughSheet(op);
    // Every key that got a 2xx, replayed: the same answer again.
    const replays: Array<{ w: WriteOp; again: Answer }> = [];
    await pool(
      writes
        .filter((w) => w.answers.some(ok))
        .map((w) => async () => {
          replays.push({ w, again: await send('POST', w.kind === 'payment' ? '/payments' : '/orders', w.auth, w.body, w.key) });
        }),
    );

    // After the load: the settler settles what is in flight, the expiry job releases unpaid holds.
    await job.settle();
    await job.settle();
    await job.expire();
    say('replays and final jobs done');
    const violations = await check(after, writes, replays, listings, stockPerListing(size));
    const answered = (kind: string, pick: (a: Answer) => boolean) => writes.filter((w) => w.kind === kind && w.answers.some(pick)).length;
    const payments = await scanAll(after, 'Payment');
    const orders = (await scanAll(after, 'Order')).filter((o) => o.stationId === TUQIAO.id);
    const byStatus = (items: Record<string, any>[]) =>
      Object.entries(items.reduce<Record<string, number>>((m, i) => ({ ...m, [i.status]: (m[i.status] ?? 0) + 1 }), {}))
        .map(([s, n]) => `${s} ${n}`)
        .join(', ');
    return {
      counts: {
        requests: ops.length,
        'payments 2xx': answered('payment', ok),
        'orders 2xx': answered('order', ok),
        'writes cut by the kill (no answer or 5xx)': writes.filter((w) => w.answers.some((a) => !final(a))).length,
        'retries with the same key': retries,
        'reads 2xx': readAnswers.filter(ok).length,
        'reads failed (during the outage)': readAnswers.filter((a) => !ok(a)).length,
        'Lambda timeouts (serverless-offline, retried)': [...writes.flatMap((w) => w.answers), ...readAnswers].filter(lambdaFailed).length,
        'callbacks delivered (2xx)': writes.filter((w) => w.confirm && ok(w.confirm)).length,
        'payments stored': `${payments.length} (${byStatus(payments)})`,
        'orders stored': `${orders.length} (${byStatus(orders)})`,
        'payments settled by the settler (in flight when answered)': settledBySettler,
        'job runs': jobRuns.join('; '),
        'restart of both (ms)': restartMs,
        violations: violations.length,
      },
      violations,
    };
  } finally {
    await api?.stop();
    await ddb?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    process.env.DYNAMODB_ENDPOINT = saved.endpoint;
    process.env.TABLE_NAME = saved.table;
  }
}

/** Counted in the table: each promise of FA3, one line per broken one. */
async function check(
  doc: DynamoDBDocumentClient,
  writes: WriteOp[],
  replays: Array<{ w: WriteOp; again: Answer }>,
  listings: string[],
  stock0: number,
) {
  const violations: string[] = [];
  const payments = await scanAll(doc, 'Payment');
  const entries = await scanAll(doc, 'LedgerEntry');
  const charges = await scanAll(doc, 'SandboxCharge');
  const orders = (await scanAll(doc, 'Order')).filter((o) => o.stationId === TUQIAO.id);
  const stocks = new Map((await scanAll(doc, 'Listing')).map((l) => [l.id as string, Number(l.stock)]));
  const nonCash = await scanAll(doc, 'NonCashLedgerEntry');
  const unpaid = await scanAll(doc, 'UnpaidOrders');

  for (const w of writes) {
    const ids = new Set(w.answers.filter(ok).map((a: any) => a.json.id));
    if (ids.size > 1) violations.push(`${w.kind} ${w.key}: one key answered with ${ids.size} ids`);
    const stored =
      w.kind === 'payment'
        ? payments.filter((p) => p.accountNo === w.body.accountNo)
        : orders.filter((o) => o.buyerId === w.userId && o.lines[0].listingId === (w.body.items as any)[0].listingId);
    if (stored.length > 1) violations.push(`${w.kind} ${w.key}: duplicated (${stored.length} stored)`);
    if (ids.size && !stored.some((s) => ids.has(s.id))) violations.push(`${w.kind} ${w.key}: answered 2xx but lost`);
    if (w.confirm && ok(w.confirm) && stored[0] && stored[0].status === 'PENDING_PAYMENT')
      violations.push(`order ${stored[0].id}: callback answered but not paid`);
  }
  for (const { w, again } of replays) {
    const first = (w.answers.find(ok) as any).json.id;
    if (!ok(again) || (again as any).json.id !== first)
      violations.push(
        `${w.kind} ${w.key}: replay answered ${again.status} ${JSON.stringify((again as any).json ?? (again as any).error).slice(0, 200)}`,
      );
  }

  // Payments: settled, one ledger entry iff SUCCEEDED, at most one charge each.
  for (const p of payments) {
    if (p.status === 'PROCESSING') violations.push(`payment ${p.id}: still PROCESSING after the settler`);
    const own = entries.filter((e) => e.paymentId === p.id).length;
    if (own !== (p.status === 'SUCCEEDED' ? 1 : 0)) violations.push(`payment ${p.id} ${p.status}: ${own} ledger entries`);
    if (charges.filter((c) => c.paymentId === p.id).length > 1) violations.push(`payment ${p.id}: charged twice`);
  }
  const days = await scanAll(doc, 'LedgerDay');
  const cashIn = days.reduce((s, d) => s + Number(d.cashInFen ?? 0), 0);
  const entriesCash = entries.reduce((s, e) => s + Number(e.cashFen ?? 0), 0);
  if (cashIn !== entriesCash) violations.push(`ledger days hold ${cashIn} fen cash, their entries ${entriesCash}`);
  const used = days.reduce((s, d) => s + Number(d.limitUsedFen ?? 0), 0);
  const notFailed = payments.filter((p) => p.status !== 'FAILED').reduce((s, p) => s + Number(p.amountFen), 0);
  if (used !== notFailed) violations.push(`day limits used ${used} fen, payments not failed ${notFailed}`);
  if (days.some((d) => Number(d.processingCount ?? 0) !== 0)) violations.push('a ledger day still counts payments in flight');
  if ((await scanAll(doc, 'PendingPayment')).length) violations.push('pending-payment markers left behind');

  // Stock: what each listing lost is what its holding orders hold; never below 0.
  for (const id of listings) {
    const held = orders
      .filter((o) => HOLDING.has(o.status))
      .reduce((s, o) => s + o.lines.filter((l: any) => l.listingId === id).reduce((n: number, l: any) => n + l.quantity, 0), 0);
    const stock = stocks.get(id);
    if (stock === undefined || stock < 0 || stock + held !== stock0) violations.push(`listing ${id}: stock ${stock} + held ${held} != ${stock0}`);
  }
  if (orders.some((o) => o.status === 'PENDING_PAYMENT')) violations.push('unpaid orders left after the expiry job');
  if (unpaid.some((u) => Number(u.count ?? 0) !== 0)) violations.push('a buyer’s unpaid-order counter is not 0 with no unpaid order left');
  const paid = orders.filter((o) => HOLDING.has(o.status)).length;
  const lines = nonCash.filter((l) => orders.some((o) => o.id === l.orderId)).length;
  if (lines !== paid) violations.push(`${paid} paid orders, ${lines} non-cash ledger lines`);
  return violations;
}
