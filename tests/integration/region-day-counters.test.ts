/**
 * The region day-close view counts the whole region (issue 10 item 6): per region level and date,
 * counters moved in the same transactions as a station's first payment of the day and its close,
 * so the summary is right whatever page is shown; `status=UNCLOSED` and `status=VARIANCE` list the
 * stations so flagged. The counters are compared with the stored day items.
 */
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { regionDayKeys } from '../../functions/data/keys';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import { stationIdForVillage } from '../../functions/domain/stations/station-identity';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, electricityBody, officerOf, pay } from '../harness/payments';
import { createUser } from '../harness/users';

const station = (villageCode: string) => ({ villageCode, id: stationIdForVillage(villageCode) });
const A = station('630202002214'); // 土桥村, township 630202002
const B = station('630202001200'); // township 630202001
const C = station('630202102208'); // township 630202102: closes without payments
const D = station('630202001220'); // township 630202001: ten first payments at once
const YUSHU = station('632701001201'); // another prefecture

let tableName: string;
let doc: Awaited<ReturnType<typeof useFreshTable>>['doc'];
const date = businessDay(new Date());

beforeAll(async () => {
  ({ tableName, doc } = await useFreshTable('region-day'));
  await copyStations(
    doc,
    tableName,
    [A, B, C, D, YUSHU].map((s) => s.villageCode),
  );
});

const counters = async (regionCode: string) =>
  (await doc.send(new GetCommand({ TableName: tableName, Key: regionDayKeys.counters(regionCode, date), ConsistentRead: true }))).Item ?? {};
const close = (auth: Record<string, string>, stationId: string, countedCashFen: number) =>
  // A variance needs a note (a close is final); the note never changes the counters.
  invoke(handlers.payments, {
    method: 'POST',
    path: `/stations/${stationId}/reconciliations`,
    headers: auth,
    body: { date, countedCashFen, note: '清点结果' },
  });
const regionView = (auth: Record<string, string>, query: Record<string, string>) =>
  invoke(handlers.payments, { path: '/regions/630202/reconciliations', headers: auth, query: { date, ...query } });

/** The stored day items of the county's stations: what the counters must agree with. */
async function storedDays() {
  const { Items = [] } = await doc.send(
    new ScanCommand({
      TableName: tableName,
      FilterExpression: 'entity = :e AND begins_with(villageCode, :county)',
      ExpressionAttributeValues: { ':e': 'LedgerDay', ':county': '630202' },
    }),
  );
  return {
    tookPayments: Items.filter((d) => d.tookPaymentsAt).length,
    closed: Items.filter((d) => d.status === 'CLOSED').length,
    unclosed: Items.filter((d) => d.tookPaymentsAt && d.status !== 'CLOSED').length,
    withVariance: Items.filter((d) => d.status === 'CLOSED' && d.varianceFen !== 0).length,
  };
}

describe('region day counters', () => {
  it('count stations that took payments, closed and closed with a variance, at every level; the view shows the whole county on any page', async () => {
    const [officerA, officerB, officerC, officerY] = await Promise.all([A, B, C, YUSHU].map((s) => officerOf(doc, tableName, s)));
    const admin = await createUser(doc, tableName, { role: 'county_admin', regionCode: '630202' });

    const bodyA = await electricityBody(officerA.auth, A.id, '4401237001');
    for (let i = 0; i < 2; i++) expect((await pay(officerA.auth, bodyA)).status).toBe(201);
    const bodyB = await electricityBody(officerB.auth, B.id, '4401237002');
    expect((await pay(officerB.auth, bodyB)).status).toBe(201);
    const bodyY = await electricityBody(officerY.auth, YUSHU.id, '4401237003');
    expect((await pay(officerY.auth, bodyY)).status).toBe(201);

    // A station counts once a day, however many payments it takes.
    expect(await counters('630202')).toMatchObject({ tookPayments: 2 });
    expect(await counters('6302')).toMatchObject({ tookPayments: 2 });
    expect(await counters('63')).toMatchObject({ tookPayments: 3 });
    expect(await counters('630202002')).toMatchObject({ tookPayments: 1 });
    expect(await counters('630202001')).toMatchObject({ tookPayments: 1 });

    // A closes 1 yuan over, C closes with nothing taken, B stays open.
    const ledgerA = await invoke(handlers.payments, { path: `/stations/${A.id}/ledger`, headers: officerA.auth, query: { date } });
    expect((await close(officerA.auth, A.id, ledgerA.json.totals.expectedCashFen + 100)).status).toBe(201);
    expect((await close(officerC.auth, C.id, 0)).status).toBe(201);

    expect(await counters('630202')).toMatchObject({ tookPayments: 2, closed: 2, closedAfterPayments: 1, withVariance: 1 });
    expect(await counters('630202102')).toMatchObject({ closed: 1 });
    expect(await counters('63')).toMatchObject({ tookPayments: 3, closed: 2, withVariance: 1 });

    const summary = { tookPayments: 2, closed: 2, unclosed: 1, withVariance: 1 };
    expect(await storedDays()).toEqual(summary);
    for (const limit of ['1', '20']) {
      const view = await regionView(admin.auth, { limit });
      expect(view.status).toBe(200);
      expect(view.json.summary).toEqual(summary);
    }
    const unclosed = await regionView(admin.auth, { status: 'UNCLOSED' });
    expect(unclosed.json.items.map((d: any) => [d.stationId, d.status])).toEqual([[B.id, 'OPEN']]);
    expect(unclosed.json.items[0].totals.paymentCount).toBe(1);
    const variance = await regionView(admin.auth, { status: 'VARIANCE' });
    expect(variance.json.items.map((d: any) => [d.stationId, d.close.varianceFen])).toEqual([[A.id, 100]]);
    expect((await regionView(admin.auth, { status: 'CLOSED' })).json.items.map((d: any) => d.stationId).sort()).toEqual([A.id, C.id].sort());
  });

  it('ten first payments at once count the station once', async () => {
    const officer = await officerOf(doc, tableName, D);
    const before = Number((await counters('630202001')).tookPayments ?? 0);
    const body = await electricityBody(officer.auth, D.id, '4401237004');
    const answers = await Promise.all(Array.from({ length: 10 }, () => pay(officer.auth, body)));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(Number((await counters('630202001')).tookPayments)).toBe(before + 1);
    expect((await storedDays()).tookPayments).toBe(Number((await counters('630202')).tookPayments));
  });
});
