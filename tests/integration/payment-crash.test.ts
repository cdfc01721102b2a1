/**
 * No lost data when the process dies at any point of a payment: for every DynamoDB call of the
 * flow (ours and the sandbox provider's), the process "dies" just before that call (it and every
 * later call fail), then a retry with the same key and the settler run, as they would after a
 * restart. Afterwards, counted in the table: one payment for the key, a ledger entry if and only if
 * it succeeded, at most one provider charge, nothing left in flight, and day totals that add up.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createSandboxBillProvider } from '../../functions/adapters/sandbox-bill-provider';
import { dynamoSandboxCharges } from '../../functions/data/sandbox-charges-repository';
import { db } from '../../functions/data/client';
import { dynamoHouseholdRepository } from '../../functions/data/households-repository';
import { createIdempotencyStore } from '../../functions/data/idempotency-store';
import { ledgerKeys, paymentKeys } from '../../functions/data/keys';
import { dynamoPaymentRepository } from '../../functions/data/payments-repository';
import { dynamoStationRepository } from '../../functions/data/stations-repository';
import { createPayment } from '../../functions/domain/payments/create-payment';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import { runSettler } from '../../functions/jobs/settler';
import { countEntities } from '../harness/count';
import { useFreshTable } from '../harness/fresh-table';
import { copyStations, newKey, officerOf, TUQIAO } from '../harness/payments';

let table: Awaited<ReturnType<typeof useFreshTable>>;
beforeAll(async () => {
  table = await useFreshTable('crash');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode]);
});

/** From the `dieAt`-th DynamoDB call on, every call fails: the process is gone. */
function dieAtCall(dieAt: number) {
  let calls = 0;
  const name = 'simulatedCrash';
  db().middlewareStack.add(
    (next) => async (args) => {
      calls++;
      if (calls >= dieAt) throw Object.assign(new Error('simulated crash: the process died'), { name: 'SimulatedCrash' });
      return next(args);
    },
    { step: 'initialize', name },
  );
  return { restart: () => db().middlewareStack.remove(name), calls: () => calls };
}

const deps = (lockMs: number) => ({
  payments: dynamoPaymentRepository,
  households: dynamoHouseholdRepository,
  idempotency: createIdempotencyStore({ lockMs }),
  provider: createSandboxBillProvider({ charges: dynamoSandboxCharges }),
  stations: dynamoStationRepository,
});

async function dayOf(stationId: string) {
  const date = businessDay(new Date());
  const { Items = [] } = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': ledgerKeys.day(stationId, date).PK },
      ConsistentRead: true,
    }),
  );
  const day = Items.find((i) => i.SK === 'DAY') ?? {};
  const entries = Items.filter((i) => String(i.SK).startsWith(ledgerKeys.entryPrefix));
  return { day, entries };
}

async function paymentsOfToday() {
  const { Items = [] } = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': paymentKeys.stationDay(TUQIAO.id, businessDay(new Date())).GSI1PK },
    }),
  );
  return Items;
}

describe('the process dies at every DynamoDB call of a payment', () => {
  it('loses nothing and takes nothing twice', async () => {
    const officer = await officerOf(table.doc, table.tableName, TUQIAO);
    const caller = { userId: officer.user.id, role: 'officer' as const, stationId: TUQIAO.id };

    // How many calls a whole payment makes (so every one of them gets its crash).
    const probe = dieAtCall(Number.MAX_SAFE_INTEGER);
    await createPayment(deps(60_000), caller, newKey(), {
      stationId: TUQIAO.id,
      billType: 'phone',
      accountNo: '13800000001',
      amountFen: 5_000,
      method: 'cash',
    });
    probe.restart();
    const callsPerPayment = probe.calls();
    expect(callsPerPayment).toBeGreaterThanOrEqual(6);

    const outcomes: string[] = [];
    for (let dieAt = 1; dieAt <= callsPerPayment; dieAt++) {
      const key = newKey();
      const body = {
        stationId: TUQIAO.id,
        billType: 'phone' as const,
        accountNo: `1380000${String(1000 + dieAt)}`,
        amountFen: 5_000,
        method: 'cash' as const,
      };
      const crash = dieAtCall(dieAt);
      // The dying request holds its key with a 1 ms lock, so the retry after the "restart" may take it over.
      const dying = await createPayment(deps(1), caller, key, body).then(
        (result) => result.status,
        () => 'died',
      );
      crash.restart();
      // The crash point was reached: from there on nothing reached DynamoDB.
      expect({ dieAt, reached: crash.calls() >= dieAt }).toEqual({ dieAt, reached: true });
      outcomes.push(`${dieAt}:${dying}`);
      await new Promise((resolve) => setTimeout(resolve, 5));

      // After the restart: the officer retries the same attempt, and the settler runs.
      const retried = await createPayment(deps(60_000), caller, key, body);
      await runSettler({ minAgeMs: 0 });
      await runSettler({ minAgeMs: 0 });
      const final = (await dynamoPaymentRepository.get(retried.id))!;
      expect({ dieAt, status: final.status }).toEqual({ dieAt, status: expect.stringMatching(/^(SUCCEEDED|FAILED)$/) });
      const again = await createPayment(deps(60_000), caller, key, body);
      expect({ dieAt, id: again.id, status: again.status }).toEqual({ dieAt, id: final.id, status: final.status });
    }

    // Early deaths end the request with an error; later ones leave a payment the retry and the settler finish.
    expect(outcomes.some((o) => o.endsWith(':died'))).toBe(true);
    expect(outcomes.some((o) => o.endsWith(':PROCESSING'))).toBe(true);

    // Counted in the table, over every payment made above.
    const payments = await paymentsOfToday();
    expect(payments.length).toBe(callsPerPayment + 1);
    const { day, entries } = await dayOf(TUQIAO.id);
    for (const payment of payments) {
      const paymentEntries = entries.filter((e) => e.paymentId === payment.id);
      expect({ id: payment.id, status: payment.status, entries: paymentEntries.length }).toEqual({
        id: payment.id,
        status: payment.status,
        entries: payment.status === 'SUCCEEDED' ? 1 : 0,
      });
    }
    const succeeded = payments.filter((p) => p.status === 'SUCCEEDED');
    expect(succeeded.length).toBeGreaterThan(0);
    // The provider charged each succeeded payment once, and nothing else kept a charge.
    const charges = await countEntities(table.doc, table.tableName, 'SandboxCharge');
    expect(charges).toBeGreaterThanOrEqual(succeeded.length);
    expect(charges).toBeLessThanOrEqual(payments.length);
    // The day adds up: totals are the sum of the entries, the limit counts what did not fail, nothing in flight.
    expect(Number(day.cashInFen)).toBe(entries.reduce((sum, e) => sum + Number(e.cashFen), 0));
    expect(Number(day.limitUsedFen)).toBe(payments.filter((p) => p.status !== 'FAILED').reduce((sum, p) => sum + Number(p.amountFen), 0));
    expect(Number(day.processingCount)).toBe(0);
    expect(await countEntities(table.doc, table.tableName, 'PendingPayment')).toBe(0);
    const inFlight = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'PK = :pk AND SK = :sk',
        ExpressionAttributeValues: { ':pk': ledgerKeys.inFlight(TUQIAO.id).PK, ':sk': ledgerKeys.inFlight(TUQIAO.id).SK },
      }),
    );
    expect(Number(inFlight.Items?.[0]?.inFlight ?? 0)).toBe(0);
  }, 60_000);
});
