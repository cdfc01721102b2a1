import { BILL_TYPE_KEYS } from '../../shared';
import { stationIdForVillage } from '../../functions/domain/stations/station-identity';
import { localClients } from '../../scripts/lib/local-clients';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { createUser } from '../harness/users';

const { doc } = localClients(process.env.TEST_DYNAMODB_ENDPOINT!);
const table = process.env.TEST_SEEDED_TABLE!;
const officer = () => createUser(doc, table, { role: 'officer', stationId: stationIdForVillage('630202002214'), stationVillageCode: '630202002214' });
const lookup = (auth: Record<string, string>, body: unknown) => invoke(handlers.payments, { method: 'POST', path: '/bills/lookup', headers: auth, body });

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
    for (const body of [{ billType: 'gas', accountNo: '12345678' }, { billType: 'water', accountNo: '12' }, { billType: 'water', accountNo: '12345678', amountFen: 1 }, {}]) {
      expect((await lookup(auth, body)).status).toBe(400);
    }
    const villager = await createUser(doc, table, { role: 'villager' });
    expect((await lookup(villager.auth, { billType: 'water', accountNo: '12345678' })).status).toBe(403);
  });
});
