import { BILL_TYPE_KEYS } from '../../shared';
import { BILL_LOOKUPS_PER_HOUR } from '../../functions/domain/payments/bill-lookup';
import { stationIdForVillage } from '../../functions/domain/stations/station-identity';
import { localClients } from '../../scripts/lib/local-clients';
import { usePinnedRateLimitClock } from '../harness/clock';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { createUser } from '../harness/users';

const { doc } = localClients(process.env.TEST_DYNAMODB_ENDPOINT!);
const table = process.env.TEST_SEEDED_TABLE!;
const officer = () => createUser(doc, table, { role: 'officer', stationId: stationIdForVillage('630202002214'), stationVillageCode: '630202002214' });
const lookup = (auth: Record<string, string>, body: unknown) =>
  invoke(handlers.payments, { method: 'POST', path: '/bills/lookup', headers: auth, body });

describe('bill types and bill lookup', () => {
  it('lists every bill type with its limits, for any signed-in user', async () => {
    const villager = await createUser(doc, table, { role: 'villager' });
    const res = await invoke(handlers.payments, { path: '/bill-types', headers: villager.auth });
    expect(res.status).toBe(200);
    expect(res.json.items.map((t: any) => t.billType)).toEqual(BILL_TYPE_KEYS);
    // What the account number is to the villager: the app asks a top-up for the phone number, not a 户号.
    expect(Object.fromEntries(res.json.items.map((t: any) => [t.billType, t.accountKind]))).toEqual({
      electricity: 'account',
      water: 'account',
      broadband: 'account',
      phone: 'phone',
      social_insurance: 'account',
    });
    expect(res.json.stationLimits.perDayMaxFen).toBeGreaterThan(0);
    expect((await invoke(handlers.payments, { path: '/bill-types' })).status).toBe(401);
  });

  it('an officer looks up what an account owes, with the holder’s name and the account masked', async () => {
    const { auth } = await officer();
    const res = await lookup(auth, { billType: 'electricity', accountNo: '6302021234' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ billType: 'electricity', accountNoMasked: '******1234', amountDueFen: expect.any(Number) });
    expect(res.json.holderNameMasked).toMatch(/^.\*+.?$/u);
    expect(res.raw).not.toContain('6302021234');
    const prepaid = await lookup(auth, { billType: 'phone', accountNo: '13800001234' });
    expect(prepaid.json.amountDueFen).toBeNull();
  });

  it('answers 404 for an unknown account, 400 for bad input or extra fields, 403 for non-officers', async () => {
    const { auth } = await officer();
    expect((await lookup(auth, { billType: 'water', accountNo: '12340000' })).status).toBe(404);
    for (const body of [
      { billType: 'gas', accountNo: '12345678' },
      { billType: 'water', accountNo: '12' },
      { billType: 'water', accountNo: '12345678', amountFen: 1 },
      {},
    ]) {
      expect((await lookup(auth, body)).status).toBe(400);
    }
    const villager = await createUser(doc, table, { role: 'villager' });
    expect((await lookup(villager.auth, { billType: 'water', accountNo: '12345678' })).status).toBe(403);
  });

  describe('rate limit per officer', () => {
    const clock = usePinnedRateLimitClock();

    it(`answers 429 RATE_LIMITED with Retry-After after ${BILL_LOOKUPS_PER_HOUR} lookups in an hour, found or not; other officers are not affected`, async () => {
      const busy = await officer();
      const statuses: number[] = [];
      for (let i = 0; i < BILL_LOOKUPS_PER_HOUR; i++) {
        // Probing: half unknown accounts (404), half real ones: every attempt counts.
        statuses.push(
          (
            await lookup(busy.auth, {
              billType: 'water',
              accountNo: i % 2 ? `6302${String(i).padStart(4, '0')}0000` : `6302${String(i).padStart(4, '0')}1234`,
            })
          ).status,
        );
      }
      expect(new Set(statuses)).toEqual(new Set([200, 404]));
      const limited = await lookup(busy.auth, { billType: 'water', accountNo: '63021234' });
      expect([limited.status, limited.json.error.code]).toEqual([429, 'RATE_LIMITED']);
      expect(Number(limited.headers['retry-after'])).toBe(1_800); // the rest of the pinned hour
      expect((await lookup((await officer()).auth, { billType: 'water', accountNo: '63021234' })).status).toBe(200);
      clock.nowMs += 1_800_000; // the next hour's window
      expect((await lookup(busy.auth, { billType: 'water', accountNo: '63021234' })).status).toBe(200);
    });
  });
});
