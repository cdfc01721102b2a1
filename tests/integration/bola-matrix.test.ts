/**
 * AZ1, generated from the route table: on every station-scoped route, an officer of station A asking
 * about station B (or about a payment or household of B) gets 404 (never 403: existence elsewhere is
 * not revealed), and so does an admin whose region does not contain B. The same callers reach their
 * own objects through the same routes.
 */
import { routeList, type RouteDef } from '../../shared';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import { stationIdForVillage } from '../../functions/domain/stations/station-identity';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, officerOf, pay } from '../harness/payments';
import { createUser } from '../harness/users';

const A = { id: stationIdForVillage('630202002214'), villageCode: '630202002214' }; // 土桥村, 乐都区
const B = { id: stationIdForVillage('632701001201'), villageCode: '632701001201' }; // a village of 玉树市

let table: Awaited<ReturnType<typeof useFreshTable>>;
beforeAll(async () => {
  table = await useFreshTable('bola');
  await copyStations(table.doc, table.tableName, [A.villageCode, B.villageCode]);
});

/** A valid body for each station-scoped write, so that only ownership can fail. */
const validBody = (route: RouteDef & { name: string }, stationId: string): unknown =>
  ({
    stationUpdate: { phone: '13900000001' },
    closeDay: { date: businessDay(new Date()), countedCashFen: 0 },
    createHousehold: { headName: '多杰', consent: true, allowDuplicate: true },
    createPayment: { stationId, billType: 'phone', accountNo: '13800001234', amountFen: 5_000, method: 'cash' },
    voidPayment: { reason: '户号输错' },
    saveBillBookEntry: { accountNo: '4401234567' },
    linkHousehold: { code: '123456' },
  })[route.name];

/** Callers whose role may use a route at all (others get 403 before ownership is looked at: auth-matrix). */
const mayCall = (route: RouteDef, role: string) => route.access === 'public' || (route.access as readonly string[]).includes(role);

const stationRoutes = routeList.filter((r) => r.scope === 'station' && r.path.includes('{stationId}'));
const objectRoutes = routeList.filter((r) => r.scope === 'station' && /\{(paymentId|householdId)\}/.test(r.path));
const bodyScopedRoutes = routeList.filter((r) => r.scope === 'station' && !r.path.includes('{'));

describe('BOLA: station-scoped routes', () => {
  it('covers the station routes of the table', () => {
    expect(stationRoutes.map((r) => r.name).sort()).toEqual(
      ['stationHistory', 'stationOfficers', 'stationQr', 'stationUpdate', 'stationPayments', 'stationLedger', 'closeDay', 'stationReconciliations', 'createHousehold', 'stationHouseholds'].sort(),
    );
    expect(objectRoutes.map((r) => r.name).sort()).toEqual(['getPayment', 'voidPayment', 'getHousehold', 'saveBillBookEntry', 'linkHousehold'].sort());
    expect(bodyScopedRoutes.map((r) => r.name)).toEqual(['createPayment']);
  });

  it.each(stationRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s: officer of A (and an admin outside B, where admins may call it) get 404 for station B', async (_, route) => {
    const officer = await officerOf(table.doc, table.tableName, A);
    const outsider = await createUser(table.doc, table.tableName, { role: 'county_admin', regionCode: '630202' });
    for (const caller of [officer, ...(mayCall(route, 'county_admin') ? [outsider] : [])]) {
      const res = await invoke(handlers[route.function], {
        method: route.method,
        path: route.path.replace('{stationId}', B.id),
        headers: caller.auth,
        body: validBody(route, B.id),
      });
      expect({ route: route.name, status: res.status, code: res.json.error.code }).toEqual({ route: route.name, status: 404, code: 'NOT_FOUND' });
    }
    // The same caller reaches their own station through the same route.
    const own = await invoke(handlers[route.function], { method: route.method, path: route.path.replace('{stationId}', A.id), headers: officer.auth, body: validBody(route, A.id) });
    expect({ route: route.name, status: own.status }).toEqual({ route: route.name, status: route.successStatus ?? 200 });
  });
});

describe('BOLA: payments and households of another station', () => {
  const objectsOfB = async () => {
    const officerB = await officerOf(table.doc, table.tableName, B);
    const payment = await pay(officerB.auth, validBody(routeList.find((r) => r.name === 'createPayment')!, B.id) as Record<string, unknown>);
    const household = await invoke(handlers.payments, { method: 'POST', path: `/stations/${B.id}/households`, headers: officerB.auth, body: { headName: '多杰', consent: true, allowDuplicate: true } });
    expect([payment.status, household.status]).toEqual([201, 201]);
    return { paymentId: payment.json.id as string, householdId: household.json.id as string, officerB };
  };

  it.each(objectRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s: officer of A (and an admin outside B or a villager, where they may call it) get 404 for B’s object', async (_, route) => {
    const { paymentId, householdId, officerB } = await objectsOfB();
    const path = route.path.replace('{paymentId}', paymentId).replace('{householdId}', householdId).replace('{billType}', 'water');
    const officer = await officerOf(table.doc, table.tableName, A);
    const outsider = await createUser(table.doc, table.tableName, { role: 'county_admin', regionCode: '630202' });
    const villager = await createUser(table.doc, table.tableName, { role: 'villager' });
    for (const caller of [officer, ...(mayCall(route, 'county_admin') ? [outsider] : []), ...(mayCall(route, 'villager') ? [villager] : [])]) {
      const res = await invoke(handlers[route.function], { method: route.method, path, headers: caller.auth, body: validBody(route, B.id) });
      expect({ route: route.name, status: res.status, code: res.json.error.code }).toEqual({ route: route.name, status: 404, code: 'NOT_FOUND' });
    }
    // B's own officer reaches it (a link code that does not exist is the only "not found" left).
    const own = await invoke(handlers[route.function], { method: route.method, path, headers: officerB.auth, body: validBody(route, B.id) });
    expect({ route: route.name, status: own.status }).toEqual({ route: route.name, status: route.name === 'linkHousehold' ? 404 : (route.successStatus ?? 200) });
  });

  it('POST /payments for station B by an officer of A is a 404 and writes nothing', async () => {
    const officer = await officerOf(table.doc, table.tableName, A);
    const res = await pay(officer.auth, validBody(routeList.find((r) => r.name === 'createPayment')!, B.id) as Record<string, unknown>);
    expect([res.status, res.json.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('GET /regions/{code}/reconciliations outside the admin’s region is a 404', async () => {
    const outsider = await createUser(table.doc, table.tableName, { role: 'county_admin', regionCode: '630202' });
    for (const code of ['632701', '63', '6302']) {
      const res = await invoke(handlers.payments, { path: `/regions/${code}/reconciliations`, query: { date: '2026-01-01' }, headers: outsider.auth });
      expect({ code, status: res.status }).toEqual({ code, status: 404 });
    }
    const own = await invoke(handlers.payments, { path: '/regions/630202001/reconciliations', query: { date: '2026-01-01' }, headers: outsider.auth });
    expect(own.status).toBe(200);
  });
});
