/**
 * The sandbox bill provider on DynamoDB Local: deterministic bills, scripted outcomes, and charges
 * counted in the table (one per payment id, however often `pay` is called).
 */
import { createSandboxBillProvider } from '../../functions/adapters/sandbox-bill-provider';
import { dynamoSandboxCharges } from '../../functions/data/sandbox-charges-repository';
import { countEntities } from '../harness/count';
import { useFreshTable } from '../harness/fresh-table';

describe('sandbox bill provider', () => {
  let table: Awaited<ReturnType<typeof useFreshTable>>;
  const provider = createSandboxBillProvider({ charges: dynamoSandboxCharges, slowMs: 50 });
  const charges = () => countEntities(table.doc, table.tableName, 'SandboxCharge');
  beforeAll(async () => {
    table = await useFreshTable('bills');
  });

  it('answers the same bill for the same account, and 404 for an unknown one', async () => {
    const a = await provider.lookup('electricity', '6302021234');
    expect(a).toEqual(await provider.lookup('electricity', '6302021234'));
    expect(a.amountDueFen).toBeGreaterThan(0);
    expect((await provider.lookup('phone', '13800001234')).amountDueFen).toBeNull();
    await expect(provider.lookup('water', '12340000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('charges once per payment id, even for 10 concurrent calls', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => provider.pay({ paymentId: 'pay-concurrent', billType: 'water', accountNo: '88881234', amountFen: 2300 })),
    );
    expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBe(1);
    expect(outcomes[0]).toMatchObject({ outcome: 'SUCCEEDED', providerRef: expect.stringMatching(/^SBX/) });
    expect(await charges()).toBe(1);
  });

  it('declines without charging, and says NOT_CHARGED when asked', async () => {
    const before = await charges();
    expect(await provider.pay({ paymentId: 'pay-declined', billType: 'water', accountNo: '88889001', amountFen: 100 })).toEqual({
      outcome: 'DECLINED',
      declineCode: 'ACCOUNT_CLOSED',
    });
    expect(await provider.status('pay-declined')).toEqual({ outcome: 'NOT_CHARGED' });
    expect(await charges()).toBe(before);
  });

  it('times out after charging: UNKNOWN now, SUCCEEDED on a status query, never a second charge', async () => {
    const before = await charges();
    expect(await provider.pay({ paymentId: 'pay-timeout', billType: 'electricity', accountNo: '77779002', amountFen: 500 })).toEqual({
      outcome: 'UNKNOWN',
    });
    expect(await provider.status('pay-timeout')).toMatchObject({ outcome: 'SUCCEEDED' });
    expect(await charges()).toBe(before + 1);
  });

  it('settles later exactly once when asked', async () => {
    expect(await provider.pay({ paymentId: 'pay-later', billType: 'broadband', accountNo: '66669004', amountFen: 900 })).toEqual({
      outcome: 'UNKNOWN',
    });
    const [a, b] = await Promise.all([provider.status('pay-later'), provider.status('pay-later')]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ outcome: 'SUCCEEDED' });
  });
});
