/**
 * Convenience payments on DynamoDB Local through the real handlers, counting what is stored:
 * payments, ledger entries, pending markers and the sandbox provider's charges (reliability.md
 * ID1-ID9, FA2, limits, voids and the day close).
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { STATION_LIMITS } from '../../shared';
import { createIdempotencyStore } from '../../functions/data/idempotency-store';
import { paymentKeys } from '../../functions/data/keys';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import { stationIdForVillage } from '../../functions/domain/stations/station-identity';
import { runSettler } from '../../functions/jobs/settler';
import { createSandboxBillProvider } from '../../functions/adapters/sandbox-bill-provider';
import { dynamoSandboxCharges } from '../../functions/data/sandbox-charges-repository';
import { dynamoHouseholdRepository } from '../../functions/data/households-repository';
import { dynamoPaymentRepository } from '../../functions/data/payments-repository';
import { dynamoStationRepository } from '../../functions/data/stations-repository';
import { createPayment } from '../../functions/domain/payments/create-payment';
import { requestHashOf } from '../../functions/domain/idempotency';
import type { ProviderOutcome } from '../../functions/domain/payments/bill-provider';
import { voidPayment } from '../../functions/domain/payments/void-payment';
import { useFreshTable } from '../harness/fresh-table';
import { resetConfigForTests } from '../../functions/config';
import { resetDbForTests } from '../../functions/data/client';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, electricityBody, ledgerEntriesOf, newKey, officerOf, pay, stored, TUQIAO, YUSHU } from '../harness/payments';
import { createUser } from '../harness/users';

let tableName: string;
let doc: Awaited<ReturnType<typeof useFreshTable>>['doc'];

beforeAll(async () => {
  ({ tableName, doc } = await useFreshTable('pay'));
  await copyStations(doc, tableName, [TUQIAO.villageCode, YUSHU.villageCode]);
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

// Tests that need a day of their own switch tables; every test starts back on the shared one.
afterEach(() => {
  process.env.TABLE_NAME = tableName;
  resetConfigForTests();
  resetDbForTests();
});

const today = () => businessDay(new Date());
const ledger = (auth: Record<string, string>, stationId = TUQIAO.id, query?: Record<string, string>) =>
  invoke(handlers.payments, { path: `/stations/${stationId}/ledger`, headers: auth, query });
const getPayment = (auth: Record<string, string>, id: string) => invoke(handlers.payments, { path: `/payments/${id}`, headers: auth });
const phoneBody = (stationId: string, accountNo: string, amountFen: number) => ({
  stationId,
  billType: 'phone',
  accountNo,
  amountFen,
  method: 'cash',
});

describe('a payment', () => {
  it('succeeds with one payment, one ledger entry and one provider charge; the receipt masks the account', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const before = await stored(doc, tableName);
    const body = await electricityBody(officer.auth, TUQIAO.id, '4401230001', { cashReceivedFen: 50_000 });
    const res = await pay(officer.auth, body);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      status: 'SUCCEEDED',
      station: { id: TUQIAO.id, code: '630202002214', villageName: '土桥村' },
      officer: { name: '才让' },
      billType: 'electricity',
      accountNoMasked: '******0001',
      amountFen: body.amountFen,
      cashReceivedFen: 50_000,
      changeFen: 50_000 - body.amountFen,
      commissionFen: 50,
      businessDate: today(),
      failure: null,
    });
    expect(res.json.receiptNo).toMatch(/^YN-\d{8}-[0-9A-F]{8}$/);
    expect(res.raw).not.toContain('4401230001');
    expect(await stored(doc, tableName)).toEqual({
      ...before,
      payments: before.payments + 1,
      entries: before.entries + 1,
      charges: before.charges + 1,
    });
    const entries = await ledgerEntriesOf(doc, tableName, TUQIAO.id, today());
    expect(entries.filter((e) => e.paymentId === res.json.id)).toEqual([expect.objectContaining({ kind: 'PAYMENT', cashFen: body.amountFen })]);
    expect((await getPayment(officer.auth, res.json.id)).json).toEqual(res.json);
  });

  it('ID1: 50 concurrent requests with one key make one payment, one ledger entry, one charge; a later retry answers the first response', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const body = await electricityBody(officer.auth, TUQIAO.id, '4401230002');
    const before = await stored(doc, tableName);
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 50 }, () => pay(officer.auth, body, key)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.json.id)).size).toBe(1);
    for (const conflict of answers.filter((a) => a.status === 409)) expect(conflict.json.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    const after = await stored(doc, tableName);
    expect(after).toEqual({ ...before, payments: before.payments + 1, entries: before.entries + 1, charges: before.charges + 1 });
    const retry = await pay(officer.auth, body, key);
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(created[0].json);
    expect(await stored(doc, tableName)).toEqual(after);
  });

  it('ID2: the same key with a different body is a 422 and writes nothing', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const key = newKey();
    expect((await pay(officer.auth, phoneBody(TUQIAO.id, '13800001111', 5_000), key)).status).toBe(201);
    const before = await stored(doc, tableName);
    const res = await pay(officer.auth, phoneBody(TUQIAO.id, '13800001111', 6_000), key);
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await stored(doc, tableName)).toEqual(before);
  });

  it('ID3: keys are scoped to the caller: another officer’s identical key makes their own payment', async () => {
    const first = await officerOf(doc, tableName, TUQIAO);
    const second = await officerOf(doc, tableName, TUQIAO, '卓玛');
    const key = newKey();
    const body = phoneBody(TUQIAO.id, '13800002222', 5_000);
    const a = await pay(first.auth, body, key);
    const b = await pay(second.auth, body, key);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.json.id).not.toBe(b.json.id);
    expect(b.json.officer.name).toBe('卓玛');
  });

  it('ID4: a request rejected before it started does not consume its key', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const key = newKey();
    const before = await stored(doc, tableName);
    // Schema failure, over the type's range, and a postpaid amount that is not the amount due.
    expect((await pay(officer.auth, { ...phoneBody(TUQIAO.id, '13800003333', 5_000), amountFen: 12.5 }, key)).status).toBe(400);
    const overRange = await pay(officer.auth, phoneBody(TUQIAO.id, '13800003333', 50_001), key);
    expect([overRange.status, overRange.json.error.code]).toEqual([429, 'LIMIT_EXCEEDED']);
    const due = await electricityBody(officer.auth, TUQIAO.id, '4401230004');
    const wrongAmount = await pay(officer.auth, { ...due, amountFen: due.amountFen + 1 }, key);
    expect([wrongAmount.status, wrongAmount.json.error.details[0].code]).toEqual([409, 'amount_due_mismatch']);
    const unknownAccount = await pay(officer.auth, { ...due, accountNo: '44012300000' }, key);
    expect(unknownAccount.status).toBe(404);
    expect(await stored(doc, tableName)).toEqual(before);
    // The key is still free: the corrected request goes through with it.
    const ok = await pay(officer.auth, due, key);
    expect([ok.status, ok.json.status]).toEqual([201, 'SUCCEEDED']);
  });

  it('ID5: a decline is a final, stored FAILED outcome: no ledger entry, no charge, the same key answers it again', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const body = await electricityBody(officer.auth, TUQIAO.id, '4401239001');
    const before = await stored(doc, tableName);
    const dayBefore = (await ledger(officer.auth)).json.totals;
    const key = newKey();
    const res = await pay(officer.auth, body, key);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: 'FAILED', failure: { code: 'ACCOUNT_CLOSED', message: expect.stringContaining('closed') } });
    expect(await stored(doc, tableName)).toEqual({ ...before, payments: before.payments + 1 });
    const again = await pay(officer.auth, body, key);
    expect(again.json).toEqual(res.json);
    // The declined amount no longer counts against the daily limit.
    expect((await ledger(officer.auth)).json.totals.limitUsedFen).toBe(dayBefore.limitUsedFen);
  });

  it('ID8: a money-moving request without a key is a 400 and writes nothing', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const before = await stored(doc, tableName);
    const res = await pay(officer.auth, phoneBody(TUQIAO.id, '13800004444', 5_000), null);
    expect([res.status, res.json.error.code]).toEqual([400, 'IDEMPOTENCY_KEY_MISSING']);
    const bad = await pay(officer.auth, phoneBody(TUQIAO.id, '13800004444', 5_000), 'has spaces and ü');
    expect([bad.status, bad.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await stored(doc, tableName)).toEqual(before);
  });

  it('AZ4: extra keys (status, PK, commissionFen, officerId...) are a 400 and change nothing', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const before = await stored(doc, tableName);
    for (const extra of [
      { status: 'SUCCEEDED' },
      { PK: 'PAYMENT#x' },
      { commissionFen: 0 },
      { officerId: 'someone' },
      { receiptNo: 'YN-1' },
      { method: 'card' },
    ]) {
      const res = await pay(officer.auth, { ...phoneBody(TUQIAO.id, '13800005555', 5_000), ...extra });
      expect({ extra, status: res.status }).toEqual({ extra, status: 400 });
    }
    expect(await stored(doc, tableName)).toEqual(before);
  });

  it('an officer of another station is told the station does not exist, and nothing is written', async () => {
    const stranger = await officerOf(doc, tableName, YUSHU);
    const before = await stored(doc, tableName);
    const res = await pay(stranger.auth, phoneBody(TUQIAO.id, '13800006666', 5_000));
    expect([res.status, res.json.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(await stored(doc, tableName)).toEqual(before);
  });
});

describe('ID6: a holder that died', () => {
  it('before recording the payment: its key is taken over after the lock expires and the payment is made once', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const body = phoneBody(TUQIAO.id, '13800007777', 5_000);
    const key = newKey();
    // A request claimed the key (with a 1 ms lock) and died before doing anything.
    const dying = createIdempotencyStore({ lockMs: 1 });
    const claim = await dying.claim({ callerId: officer.user.id, key, requestHash: requestHashOf('createPayment', body) });
    expect(claim.kind).toBe('started');
    await new Promise((r) => setTimeout(r, 10));
    const before = await stored(doc, tableName);
    const res = await pay(officer.auth, body, key);
    expect([res.status, res.json.status]).toEqual([201, 'SUCCEEDED']);
    expect(await stored(doc, tableName)).toEqual({
      ...before,
      payments: before.payments + 1,
      entries: before.entries + 1,
      charges: before.charges + 1,
    });
  });

  it('after recording the payment: the takeover answers that payment (never a second one), and the settler finds nothing was charged', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const body = phoneBody(TUQIAO.id, '13800009999', 8_000);
    const key = newKey();
    const sandbox = createSandboxBillProvider({ charges: dynamoSandboxCharges });
    // This request records its payment, then hangs in the provider call and dies (its 1 ms lock lapses).
    let wakeUp: (outcome: ProviderOutcome) => void = () => undefined;
    const dyingDeps = {
      payments: dynamoPaymentRepository,
      households: dynamoHouseholdRepository,
      idempotency: createIdempotencyStore({ lockMs: 1 }),
      provider: { ...sandbox, pay: () => new Promise<ProviderOutcome>((resolve) => (wakeUp = resolve)) },
      stations: dynamoStationRepository,
      providerTimeoutMs: 60_000,
    };
    const before = await stored(doc, tableName);
    const dying = createPayment(dyingDeps, { userId: officer.user.id, role: 'officer', stationId: TUQIAO.id }, key, {
      ...body,
      billType: 'phone',
      method: 'cash',
    });
    await waitFor(async () => (await stored(doc, tableName)).payments === before.payments + 1);

    const retry = await pay(officer.auth, body, key);
    expect([retry.status, retry.json.status]).toEqual([201, 'PROCESSING']);
    expect((await stored(doc, tableName)).payments).toBe(before.payments + 1);
    const limitBefore = (await ledger(officer.auth)).json.totals.limitUsedFen;
    // The provider never got the payment: the settler makes that final there (cancels the id), then fails it.
    const report = await runSettler({ minAgeMs: 0 });
    expect(report.failed).toBe(1);
    const settled = await getPayment(officer.auth, retry.json.id);
    expect(settled.json).toMatchObject({ status: 'FAILED', failure: { code: 'NOT_CHARGED' } });
    expect((await ledger(officer.auth)).json.totals.limitUsedFen).toBe(limitBefore - 8_000);
    // The dead request's pay() reaching the provider late is refused: nothing is charged after "not charged".
    expect(await sandbox.pay({ paymentId: retry.json.id, billType: 'phone', accountNo: body.accountNo, amountFen: 8_000 })).toEqual({
      outcome: 'NOT_CHARGED',
    });
    // And the dead request, waking up, changes nothing.
    wakeUp({ outcome: 'UNKNOWN' });
    await dying;
    expect((await getPayment(officer.auth, retry.json.id)).json.status).toBe('FAILED');
    const after = await stored(doc, tableName);
    // One charge record: the provider's tombstone for the cancelled id (state CANCELLED, nothing taken).
    expect(after).toEqual({ ...before, payments: before.payments + 1, charges: before.charges + 1 });
    const tombstone = await doc.send(new GetCommand({ TableName: tableName, Key: { PK: `CHARGE#${retry.json.id}`, SK: 'CHARGE' } }));
    expect(tombstone.Item).toMatchObject({ state: 'CANCELLED', amountFen: 0 });
  });
});

describe('FA2: the provider does not answer', () => {
  it('a timeout keeps the payment PROCESSING and the key bound; the settler asks the provider and settles it exactly once', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const body = await electricityBody(officer.auth, TUQIAO.id, '4401239002');
    const before = await stored(doc, tableName);
    const key = newKey();
    const res = await pay(officer.auth, body, key);
    expect([res.status, res.json.status]).toEqual([201, 'PROCESSING']);
    // The provider did charge: its answer was lost. No ledger entry yet, one pending marker.
    expect(await stored(doc, tableName)).toEqual({
      ...before,
      payments: before.payments + 1,
      charges: before.charges + 1,
      pending: before.pending + 1,
    });
    // A retry with the same key is not a blind retry: it answers the same PROCESSING payment.
    const retry = await pay(officer.auth, body, key);
    expect([retry.status, retry.json.id, retry.json.status]).toEqual([201, res.json.id, 'PROCESSING']);
    const pending = await invoke(handlers.payments, {
      path: `/stations/${TUQIAO.id}/payments`,
      query: { status: 'PROCESSING' },
      headers: officer.auth,
    });
    expect(pending.json.items.map((p: { id: string }) => p.id)).toContain(res.json.id);
    // A day with a payment in flight cannot close.
    const close = await invoke(handlers.payments, {
      method: 'POST',
      path: `/stations/${TUQIAO.id}/reconciliations`,
      headers: officer.auth,
      body: { date: today(), countedCashFen: 0 },
    });
    expect([close.status, close.json.error.code]).toEqual([409, 'CONFLICT']);

    // Five settler runs at once: one settlement, one ledger entry, still one charge.
    const reports = await Promise.all(Array.from({ length: 5 }, () => runSettler({ minAgeMs: 0 })));
    expect(reports.reduce((n, r) => n + r.succeeded, 0)).toBe(1);
    expect(await stored(doc, tableName)).toEqual({
      ...before,
      payments: before.payments + 1,
      entries: before.entries + 1,
      charges: before.charges + 1,
    });
    const settled = await getPayment(officer.auth, res.json.id);
    expect(settled.json).toMatchObject({ status: 'SUCCEEDED', settledAt: expect.any(String) });
    expect((await pay(officer.auth, body, key)).json.status).toBe('SUCCEEDED');
  }, 20_000);

  it('a settle-later payment settles on the first status query, once, and the settler leaves young payments alone', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const res = await pay(officer.auth, await electricityBody(officer.auth, TUQIAO.id, '4401239004'));
    expect(res.json.status).toBe('PROCESSING');
    const young = await runSettler({ minAgeMs: 60_000 });
    expect(young.checked).toBe(0);
    expect((await getPayment(officer.auth, res.json.id)).json.status).toBe('PROCESSING');
    const before = await stored(doc, tableName);
    await runSettler({ minAgeMs: 0 });
    await runSettler({ minAgeMs: 0 });
    expect((await getPayment(officer.auth, res.json.id)).json.status).toBe('SUCCEEDED');
    expect(await stored(doc, tableName)).toEqual({ ...before, entries: before.entries + 1, pending: before.pending - 1 });
  });
});

describe('FA1: DynamoDB fails after the provider charged', () => {
  it('the payment stays PROCESSING (never lost, never charged twice) and the settler settles it once DynamoDB is back', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const body = phoneBody(TUQIAO.id, '13800005151', 6_000);
    const throttled = Object.assign(new Error('Rate of requests exceeds the allowed throughput'), { name: 'ProvisionedThroughputExceededException' });
    // The real repository, except that the write after the provider's answer meets a throttled table.
    const failingDeps = {
      payments: { ...dynamoPaymentRepository, succeed: async () => Promise.reject(throttled) },
      households: dynamoHouseholdRepository,
      idempotency: createIdempotencyStore(),
      provider: createSandboxBillProvider({ charges: dynamoSandboxCharges }),
      stations: dynamoStationRepository,
    };
    const before = await stored(doc, tableName);
    const result = await createPayment(failingDeps, { userId: officer.user.id, role: 'officer', stationId: TUQIAO.id }, newKey(), {
      ...body,
      billType: 'phone',
      method: 'cash',
    });
    expect(result.status).toBe('PROCESSING');
    expect(await stored(doc, tableName)).toEqual({
      ...before,
      payments: before.payments + 1,
      charges: before.charges + 1,
      pending: before.pending + 1,
    });
    expect((await runSettler({ minAgeMs: 0 })).succeeded).toBe(1);
    expect((await getPayment(officer.auth, result.id)).json.status).toBe('SUCCEEDED');
    expect(await stored(doc, tableName)).toEqual({
      ...before,
      payments: before.payments + 1,
      charges: before.charges + 1,
      entries: before.entries + 1,
    });
  });
});

describe('a payment that settles on a later business day', () => {
  it('posts its entry to the day the settlement happens; no day of the station closes while it is in flight', async () => {
    const { tableName: own, doc: ownDoc } = await useFreshTable('midnight');
    await copyStations(ownDoc, own, [TUQIAO.villageCode]);
    const officer = await officerOf(ownDoc, own, TUQIAO);
    const yesterdayNow = new Date(Date.now() - 24 * 3600_000);
    const yesterday = businessDay(yesterdayNow);
    // Taken yesterday; the provider did not answer (settle-later account).
    const deps = {
      payments: dynamoPaymentRepository,
      households: dynamoHouseholdRepository,
      idempotency: createIdempotencyStore(),
      provider: createSandboxBillProvider({ charges: dynamoSandboxCharges }),
      stations: dynamoStationRepository,
      now: () => yesterdayNow,
    };
    const taken = await createPayment(deps, { userId: officer.user.id, role: 'officer', stationId: TUQIAO.id }, newKey(), {
      ...phoneBody(TUQIAO.id, '1380000-9004', 5_000),
      billType: 'phone',
      method: 'cash',
    });
    expect([taken.status, taken.businessDate]).toEqual(['PROCESSING', yesterday]);
    const close = (date: string, note?: string) =>
      invoke(handlers.payments, {
        method: 'POST',
        path: `/stations/${TUQIAO.id}/reconciliations`,
        headers: officer.auth,
        body: { date, countedCashFen: 0, ...(note ? { note } : {}) },
      });
    // Neither yesterday nor today can close while it is in flight (its entry will need an open day).
    for (const date of [yesterday, today()]) expect((await close(date)).json.error.code).toBe('CONFLICT');

    expect((await runSettler({ minAgeMs: 0 })).succeeded).toBe(1);
    const settled = (await getPayment(officer.auth, taken.id)).json;
    expect(settled).toMatchObject({ status: 'SUCCEEDED', businessDate: yesterday, ledgerDate: today() });
    expect((await ledgerEntriesOf(ownDoc, own, TUQIAO.id, today())).map((e) => e.paymentId)).toEqual([taken.id]);
    expect(await ledgerEntriesOf(ownDoc, own, TUQIAO.id, yesterday)).toEqual([]);
    expect((await ledger(officer.auth, TUQIAO.id, { date: yesterday })).json.totals).toMatchObject({
      processingCount: 0,
      cashInFen: 0,
      limitUsedFen: 5_000,
    });
    expect((await ledger(officer.auth, TUQIAO.id)).json.totals).toMatchObject({ processingCount: 0, cashInFen: 5_000, expectedCashFen: 5_000 });
    // Now both days close; today's expected cash includes the settled payment.
    expect((await close(yesterday)).status).toBe(201);
    expect((await close(today(), '现金交到乡里')).json.close.varianceFen).toBe(-5_000);
  });
});

describe('ID9: a ledger entry exists if and only if its payment succeeded', () => {
  it('holds for every payment stored by the tests above', async () => {
    const { Items = [] } = await doc.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': paymentKeys.stationDay(TUQIAO.id, today()).GSI1PK },
      }),
    );
    expect(Items.length).toBeGreaterThan(5);
    const entries = await ledgerEntriesOf(doc, tableName, TUQIAO.id, today());
    for (const payment of Items) {
      const paymentEntries = entries.filter((e) => e.paymentId === payment.id && e.kind === 'PAYMENT');
      expect({ id: payment.id, status: payment.status, entries: paymentEntries.length }).toEqual({
        id: payment.id,
        status: payment.status,
        entries: ['SUCCEEDED', 'VOIDED'].includes(String(payment.status)) ? 1 : 0,
      });
    }
  });
});

describe('limits', () => {
  it('a station cannot pass its daily limit, even with concurrent payments; the officer is told what is left', async () => {
    const { tableName: own, doc: ownDoc } = await useFreshTable('limit');
    await copyStations(ownDoc, own, [YUSHU.villageCode]);
    const officer = await officerOf(ownDoc, own, YUSHU);
    const amount = 600_000; // social insurance, the largest single payment
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        pay(officer.auth, { stationId: YUSHU.id, billType: 'social_insurance', accountNo: `SI-${1000 + i}`, amountFen: amount, method: 'cash' }),
      ),
    );
    const ok = answers.filter((a) => a.status === 201);
    const limited = answers.filter((a) => a.status === 429);
    expect(ok.length).toBe(Math.floor(STATION_LIMITS.perDayMaxFen / amount));
    expect(ok.length + limited.length).toBe(12);
    for (const l of limited)
      expect(l.json.error).toMatchObject({ code: 'LIMIT_EXCEEDED', details: [expect.objectContaining({ code: 'station_daily_limit' })] });
    const day = await ledger(officer.auth, YUSHU.id);
    expect(day.json.totals.limitUsedFen).toBe(ok.length * amount);
    expect(day.json.totals.limitUsedFen).toBeLessThanOrEqual(STATION_LIMITS.perDayMaxFen);
    expect((await stored(ownDoc, own)).payments).toBe(ok.length);
  }, 30_000);
});

describe('void and day close', () => {
  it('voids a succeeded payment with a reason (a ledger entry, nothing deleted), then closes the day with a variance', async () => {
    const { tableName: own, doc: ownDoc } = await useFreshTable('close');
    await copyStations(ownDoc, own, [TUQIAO.villageCode, YUSHU.villageCode]);
    const officer = await officerOf(ownDoc, own, TUQIAO);
    const paid = await Promise.all(
      ['4401231001', '4401231002'].map(async (acc) => pay(officer.auth, await electricityBody(officer.auth, TUQIAO.id, acc))),
    );
    const [keep, mistake] = paid.map((p) => p.json);
    const voidIt = (id: string, reason = '户号输错') =>
      invoke(handlers.payments, { method: 'POST', path: `/payments/${id}/void`, headers: officer.auth, body: { reason } });

    const voided = await voidIt(mistake.id);
    expect(voided.status).toBe(200);
    expect(voided.json).toMatchObject({ status: 'VOIDED', voided: { reason: '户号输错', by: officer.user.id } });
    expect((await voidIt(mistake.id)).status).toBe(409);
    const stranger = await officerOf(ownDoc, own, YUSHU);
    expect(
      (await invoke(handlers.payments, { method: 'POST', path: `/payments/${keep.id}/void`, headers: stranger.auth, body: { reason: 'not mine' } }))
        .status,
    ).toBe(404);
    const entries = await ledgerEntriesOf(ownDoc, own, TUQIAO.id, today());
    expect(entries.map((e) => e.kind).sort()).toEqual(['PAYMENT', 'PAYMENT', 'VOID']);
    const charge = await ownDoc.send(new GetCommand({ TableName: own, Key: { PK: `CHARGE#${mistake.id}`, SK: 'CHARGE' } }));
    expect(charge.Item?.state).toBe('CANCELLED');

    const day = (await ledger(officer.auth)).json;
    expect(day.totals).toMatchObject({
      cashInFen: keep.amountFen + mistake.amountFen,
      voidedFen: mistake.amountFen,
      expectedCashFen: keep.amountFen,
      commissionFen: 50,
      paymentCount: 2,
      voidCount: 1,
      processingCount: 0,
    });
    const counted = keep.amountFen - 300; // three yuan missing from the drawer
    // A variance is explained: without a note (or with blanks only) the close is refused and nothing is written.
    const unexplained = await stored(ownDoc, own);
    for (const note of [undefined, '   ']) {
      const refused = await invoke(handlers.payments, {
        method: 'POST',
        path: `/stations/${TUQIAO.id}/reconciliations`,
        headers: officer.auth,
        body: { date: today(), countedCashFen: counted, ...(note === undefined ? {} : { note }) },
      });
      expect([refused.status, refused.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(refused.json.error.details).toEqual([expect.objectContaining({ path: 'body.note', code: 'note_required' })]);
    }
    expect(await stored(ownDoc, own)).toEqual(unexplained);
    const close = await invoke(handlers.payments, {
      method: 'POST',
      path: `/stations/${TUQIAO.id}/reconciliations`,
      headers: officer.auth,
      body: { date: today(), countedCashFen: counted, note: '少三元' },
    });
    expect(close.status).toBe(201);
    expect(close.json.close).toMatchObject({ countedCashFen: counted, varianceFen: -300, closedBy: officer.user.id, note: '少三元' });

    // A closed day cannot change: no second close, no payment, no void; nothing is written.
    const before = await stored(ownDoc, own);
    const again = await invoke(handlers.payments, {
      method: 'POST',
      path: `/stations/${TUQIAO.id}/reconciliations`,
      headers: officer.auth,
      body: { date: today(), countedCashFen: counted },
    });
    expect([again.status, again.json.error.code]).toEqual([409, 'DAY_CLOSED']);
    const late = await pay(officer.auth, phoneBody(TUQIAO.id, '13800008888', 5_000));
    expect([late.status, late.json.error.code]).toEqual([409, 'DAY_CLOSED']);
    expect((await voidIt(keep.id)).json.error.code).toBe('DAY_CLOSED');
    expect(await stored(ownDoc, own)).toEqual(before);
    expect((await ledger(officer.auth)).json).toMatchObject({ status: 'CLOSED', close: { varianceFen: -300 } });

    // The county admin sees the close in their region; an admin elsewhere is told the region does not exist.
    const county = await createUser(ownDoc, own, { role: 'county_admin', regionCode: '630202' });
    const closes = await invoke(handlers.payments, { path: '/regions/630202/reconciliations', query: { date: today() }, headers: county.auth });
    expect(closes.status).toBe(200);
    expect(closes.json.items).toEqual([
      expect.objectContaining({
        stationId: TUQIAO.id,
        villageName: '土桥村',
        status: 'CLOSED',
        close: expect.objectContaining({ varianceFen: -300 }),
      }),
    ]);
    // Every station of a township with its day: open (paid, not closed), idle, closed; in code order.
    const [qilidian, qilidianEast] = ['630202002200', '630202002201'].map((villageCode) => ({ villageCode, id: stationIdForVillage(villageCode) }));
    await copyStations(ownDoc, own, [qilidian.villageCode, qilidianEast.villageCode]);
    const qilidianOfficer = await officerOf(ownDoc, own, qilidian);
    expect((await pay(qilidianOfficer.auth, phoneBody(qilidian.id, '13800001200', 5_000))).status).toBe(201);
    const township = await invoke(handlers.payments, { path: '/regions/630202002/reconciliations', query: { date: today() }, headers: county.auth });
    expect(township.json.items.map((d: { stationId: string; status: string }) => [d.stationId, d.status])).toEqual([
      [qilidian.id, 'OPEN'],
      [qilidianEast.id, 'IDLE'],
      [TUQIAO.id, 'CLOSED'],
    ]);
    expect(township.json.items[0]).toMatchObject({ close: null, totals: { cashInFen: 5_000 } });
    const onlyClosed = await invoke(handlers.payments, {
      path: '/regions/630202002/reconciliations',
      query: { date: today(), status: 'CLOSED' },
      headers: county.auth,
    });
    expect(onlyClosed.json.items.map((d: { stationId: string }) => d.stationId)).toEqual([TUQIAO.id]);
    const yushuAdmin = await createUser(ownDoc, own, { role: 'county_admin', regionCode: '632701' });
    expect(
      (await invoke(handlers.payments, { path: '/regions/630202/reconciliations', query: { date: today() }, headers: yushuAdmin.auth })).status,
    ).toBe(404);
    const history = await invoke(handlers.payments, { path: `/stations/${TUQIAO.id}/reconciliations`, headers: county.auth });
    expect(history.json.items.map((r: { date: string }) => r.date)).toEqual([today()]);
  });

  it('refuses a close for a future day, and a counted amount that is not whole fen', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const close = (body: unknown) =>
      invoke(handlers.payments, { method: 'POST', path: `/stations/${TUQIAO.id}/reconciliations`, headers: officer.auth, body });
    expect((await close({ date: '2999-01-01', countedCashFen: 0 })).status).toBe(400);
    expect((await close({ date: today(), countedCashFen: 10.5 })).status).toBe(400);
    expect((await close({ date: '2026-02-30', countedCashFen: 0 })).status).toBe(400);
  });
});

describe('a void that does not finish at once', () => {
  it('a void interrupted after asking the provider blocks the day close and is finished by the settler; a refused cancel leaves the payment as it was', async () => {
    const { tableName: own, doc: ownDoc } = await useFreshTable('voiding');
    await copyStations(ownDoc, own, [TUQIAO.villageCode]);
    const officer = await officerOf(ownDoc, own, TUQIAO);
    const caller = { userId: officer.user.id, role: 'officer' as const, stationId: TUQIAO.id };
    const [first, second] = await Promise.all(
      ['4401237001', '4401237002'].map(async (acc) => (await pay(officer.auth, await electricityBody(officer.auth, TUQIAO.id, acc))).json),
    );
    const sandbox = createSandboxBillProvider({ charges: dynamoSandboxCharges });

    // The provider is unreachable when the void asks: the payment is VOIDING, in flight.
    const unreachable = { ...sandbox, cancel: async () => Promise.reject(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' })) };
    // No answer is not an answer: the void answers the payment as VOIDING (作废处理中), finished later.
    expect((await voidPayment({ payments: dynamoPaymentRepository, provider: unreachable }, caller, first.id, '重复缴费')).status).toBe('VOIDING');
    expect((await getPayment(officer.auth, first.id)).json.status).toBe('VOIDING');
    // (With a note: the in-flight void is what stops it, not the variance.)
    const close = await invoke(handlers.payments, {
      method: 'POST',
      path: `/stations/${TUQIAO.id}/reconciliations`,
      headers: officer.auth,
      body: { date: today(), countedCashFen: 0, note: '钱箱还没点' },
    });
    expect([close.status, close.json.error.code]).toEqual([409, 'CONFLICT']);
    const report = await runSettler({ minAgeMs: 0 });
    expect(report.voidsFinished).toBe(1);
    expect((await getPayment(officer.auth, first.id)).json).toMatchObject({ status: 'VOIDED', voided: { reason: '重复缴费' } });
    expect((await ledgerEntriesOf(ownDoc, own, TUQIAO.id, today())).filter((e) => e.kind === 'VOID').map((e) => e.paymentId)).toEqual([first.id]);

    // The provider refuses to cancel (it settled already): 409, and the payment is SUCCEEDED again.
    const refusing = { ...sandbox, cancel: async () => ({ outcome: 'REFUSED' as const }) };
    await expect(voidPayment({ payments: dynamoPaymentRepository, provider: refusing }, caller, second.id, '户号输错')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await getPayment(officer.auth, second.id)).json).toMatchObject({ status: 'SUCCEEDED', voided: null });
    const day = (await ledger(officer.auth)).json.totals;
    expect(day).toMatchObject({ voidCount: 1, voidedFen: first.amountFen, expectedCashFen: second.amountFen, processingCount: 0 });
    // Nothing is in flight any more: the day closes.
    const closed = await invoke(handlers.payments, {
      method: 'POST',
      path: `/stations/${TUQIAO.id}/reconciliations`,
      headers: officer.auth,
      body: { date: today(), countedCashFen: second.amountFen },
    });
    expect([closed.status, closed.json.close.varianceFen]).toEqual([201, 0]);
  });
});

describe('lists (IV6)', () => {
  it('pages the day’s payments and the ledger with signed cursors; a tampered cursor or a limit over 50 is a 400', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const list = (query: Record<string, string>) =>
      invoke(handlers.payments, { path: `/stations/${TUQIAO.id}/payments`, query, headers: officer.auth });
    const first = await list({ limit: '2' });
    expect(first.json.items).toHaveLength(2);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await list({ limit: '2', cursor: first.json.nextCursor });
    expect(second.json.items.map((p: { id: string }) => p.id)).not.toContain(first.json.items[0].id);
    const tampered = first.json.nextCursor.slice(0, -1) + (first.json.nextCursor.endsWith('A') ? 'B' : 'A');
    expect((await list({ limit: '2', cursor: tampered })).status).toBe(400);
    expect((await list({ limit: '51' })).status).toBe(400);
    const page = await ledger(officer.auth, TUQIAO.id, { limit: '1' });
    expect((await ledger(officer.auth, TUQIAO.id, { limit: '1', cursor: first.json.nextCursor })).status).toBe(400);
    expect(page.json.items).toHaveLength(1);
  });
});
