/**
 * The settler visits the 16 pending shards fairly and bounds every provider call (issue 9 item 6):
 * 500 payments stuck in shard 0 cannot starve one in shard 15; a provider that hangs cannot hold the
 * run (it ends, the payment stays PROCESSING); stuck payments are counted and logged as one JSON line.
 * The provider here is a stand-in for the external one (what it answers is the test's input); the
 * payments, their markers and every transition are the real repository on DynamoDB Local.
 */
import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { ledgerKeys, paymentKeys, pendingPaymentKeys } from '../../functions/data/keys';
import { paymentItem } from '../../functions/data/payment-transitions';
import { dynamoPaymentRepository } from '../../functions/data/payments-repository';
import type { BillProvider, ProviderOutcome } from '../../functions/domain/payments/bill-provider';
import type { PaymentRecord } from '../../functions/domain/payments/payment';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import { settlePendingPayments } from '../../functions/domain/payments/settler';
import { voidPayment } from '../../functions/domain/payments/void-payment';
import { createLogger } from '../../functions/logging/logger';
import { resetConfigForTests } from '../../functions/config';
import { useFreshTable } from '../harness/fresh-table';

let tableName: string;
let doc: Awaited<ReturnType<typeof useFreshTable>>['doc'];

beforeAll(async () => {
  ({ tableName, doc } = await useFreshTable('settle'));
});

/** A station id whose pending markers land in `shard`. */
function stationInShard(shard: number, tag: string): string {
  for (let i = 0; ; i++) if (pendingPaymentKeys.ofStation(`st-${tag}-${i}`) === pendingPaymentKeys.shard(shard)) return `st-${tag}-${i}`;
}

const HOUR_AGO = () => new Date(Date.now() - 3_600_000).toISOString();
let serial = 0;
function processing(stationId: string, createdAt = HOUR_AGO()): PaymentRecord {
  const id = `pa${(++serial).toString().padStart(6, '0')}${stationId.slice(-6)}`;
  return {
    id,
    receiptNo: `R${serial}`,
    status: 'PROCESSING',
    stationId,
    stationCode: 'TEST',
    stationVillageCode: '630202002214',
    stationVillageName: '测试村',
    officerId: 'uofficer',
    officerName: null,
    billType: 'electricity',
    accountNo: `E${serial}`,
    holderNameMasked: null,
    amountFen: 1000,
    commissionFen: 0,
    cashReceivedFen: 1000,
    householdId: null,
    payerPhone: null,
    createdAt,
    // The station's business day (Asia/Shanghai), as a real payment has: past 16:00 UTC it is the next UTC date.
    businessDate: businessDay(new Date(createdAt)),
    settledAt: null,
    ledgerDate: null,
    providerRef: null,
    failureCode: null,
    voided: null,
    statusChecks: 0,
  };
}

/** Stores payments as a request that died after recording them leaves them: PROCESSING, with their pending markers. */
async function storeStuck(payments: PaymentRecord[]) {
  // Each payment's day as the payment route leaves it: open, counting its payments in flight.
  const days = new Map<string, Record<string, unknown>>();
  for (const p of payments) {
    const key = `${p.stationId}#${p.businessDate}`;
    const day = days.get(key) ?? {
      ...ledgerKeys.day(p.stationId, p.businessDate),
      entity: 'LedgerDay',
      stationId: p.stationId,
      date: p.businessDate,
      status: 'OPEN',
      processingCount: 0,
    };
    day.processingCount = (day.processingCount as number) + 1;
    days.set(key, day);
  }
  const items = [
    ...payments.flatMap((p) => [
      paymentItem(p),
      { ...pendingPaymentKeys.item(p.stationId, p.createdAt, p.id), entity: 'PendingPayment', paymentId: p.id },
    ]),
    ...days.values(),
  ];
  for (let i = 0; i < items.length; i += 25) {
    await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
}

const statusOf = async (id: string) =>
  (await doc.send(new GetCommand({ TableName: tableName, Key: paymentKeys.item(id), ConsistentRead: true }))).Item;

/** The external provider, answering per payment id; `status` calls are counted. */
function providerAnswering(answer: (paymentId: string) => Promise<ProviderOutcome>) {
  const asked: string[] = [];
  const provider: BillProvider = {
    sandbox: false,
    configured: true,
    lookup: async () => ({ holderName: 'x', amountDueFen: null }),
    pay: async () => ({ outcome: 'UNKNOWN' }),
    status: (paymentId) => {
      asked.push(paymentId);
      return answer(paymentId);
    },
    cancel: () => new Promise(() => {}),
  };
  return { provider, asked };
}

/** JSON lines the real logger writes during `work` (at level info: tests run it silent otherwise). */
async function logLinesOf<T>(work: () => Promise<T>): Promise<{ result: T; lines: Array<Record<string, unknown>> }> {
  const level = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'info';
  resetConfigForTests();
  const written: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    const result = await work();
    return {
      result,
      lines: written
        .flatMap((c) => c.split('\n'))
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l)),
    };
  } finally {
    spy.mockRestore();
    process.env.LOG_LEVEL = level;
    resetConfigForTests();
  }
}

describe('settler fairness and timeouts', () => {
  it('500 stuck in shard 0 and 1 in shard 15: the shard-15 payment is settled in the first run; the stuck are counted and logged', async () => {
    const low = stationInShard(0, 'low');
    const high = stationInShard(15, 'high');
    const stuck = Array.from({ length: 500 }, () => processing(low));
    const waiting = processing(high);
    await storeStuck([...stuck, waiting]);
    const { provider, asked } = providerAnswering(async (id) =>
      id === waiting.id ? { outcome: 'SUCCEEDED', providerRef: 'ref-1' } : { outcome: 'UNKNOWN' },
    );

    // Starting at the stuck shard is the worst case for a fixed order.
    const { result: report, lines } = await logLinesOf(() =>
      settlePendingPayments(
        { payments: dynamoPaymentRepository, provider, log: createLogger({ function: 'settler' }) },
        { minAgeMs: 0, startShard: 0 },
      ),
    );
    expect(asked).toContain(waiting.id);
    expect(report.succeeded).toBe(1);
    expect(await statusOf(waiting.id)).toMatchObject({ status: 'SUCCEEDED', providerRef: 'ref-1' });
    expect(report.checked).toBe(500); // the global cap still holds
    expect(report.stuck).toBe(499);
    expect(report.cutShort).toBe(true);
    const line = lines.find((l) => l.message === 'settler: payments unresolved past the threshold');
    expect(line).toMatchObject({ level: 'warn', function: 'settler', stuck: 499 });
    expect((line!.paymentIds as string[]).length).toBe(20);
    // Still PROCESSING, with the status check recorded.
    expect(await statusOf(stuck[0].id)).toMatchObject({ status: 'PROCESSING', statusChecks: 1 });
  });

  it('a provider that hangs: the run ends on its budget, the payment stays PROCESSING and the timeouts are counted', async () => {
    const station = stationInShard(7, 'hang');
    const payments = Array.from({ length: 3 }, () => processing(station));
    await storeStuck(payments);
    const { provider } = providerAnswering(() => new Promise(() => {}));
    const report = await settlePendingPayments(
      { payments: dynamoPaymentRepository, provider },
      { minAgeMs: 0, startShard: 7, providerTimeoutMs: 200, budgetMs: 300 },
    );
    expect(report.timedOut).toBeGreaterThanOrEqual(1);
    expect(report.succeeded + report.failed).toBe(0);
    for (const p of payments) expect((await statusOf(p.id))?.status).toBe('PROCESSING');
  });

  it('the void route does not wait on a provider whose cancel hangs: the payment is VOIDING, finished later', async () => {
    const station = stationInShard(3, 'void');
    const payment = processing(station, new Date().toISOString());
    const { provider } = providerAnswering(async (id) =>
      id === payment.id ? { outcome: 'SUCCEEDED', providerRef: 'ref-v' } : { outcome: 'UNKNOWN' },
    );
    // Start and settle it through the real transitions, then void it with a cancel that never answers.
    expect(await dynamoPaymentRepository.start(payment, 10_000_000)).toEqual({ kind: 'started' });
    await settlePendingPayments({ payments: dynamoPaymentRepository, provider }, { minAgeMs: 0, startShard: 3, maxPayments: 1 });
    expect((await statusOf(payment.id))?.status).toBe('SUCCEEDED');
    const succeeded = (await dynamoPaymentRepository.get(payment.id))!;
    const caller = { userId: 'uofficer', role: 'officer' as const, stationId: station };
    const view = await voidPayment({ payments: dynamoPaymentRepository, provider, providerTimeoutMs: 200 }, caller, succeeded.id, '户号错了');
    expect(view.status).toBe('VOIDING');
    expect((await statusOf(payment.id))?.status).toBe('VOIDING');
  });
});
