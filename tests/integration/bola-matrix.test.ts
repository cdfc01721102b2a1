/**
 * AZ1, generated from the route table: on every station-scoped route, an officer of station A asking
 * about station B gets 404 (never 403: the station's existence elsewhere is not revealed), and so
 * does an admin whose region does not contain B.
 */
import { routeList } from '../../shared';
import { stationIdForVillage } from '../../functions/domain/stations/station-identity';
import { localClients } from '../../scripts/lib/local-clients';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { createUser } from '../harness/users';

const { doc } = localClients(process.env.TEST_DYNAMODB_ENDPOINT!);
const table = process.env.TEST_SEEDED_TABLE!;
const A = { id: stationIdForVillage('630202002214'), villageCode: '630202002214' }; // 土桥村, 乐都区
const B = stationIdForVillage('632701001201'); // a village of 玉树市

/** A valid body for each station-scoped write, so that only ownership can fail. */
const VALID_BODIES: Record<string, unknown> = { stationUpdate: { phone: '13900000001' } };

const stationRoutes = routeList.filter((r) => r.scope === 'station' && r.path.includes('{stationId}'));

describe('BOLA: station-scoped routes', () => {
  it('covers the station routes of the table', () => {
    expect(stationRoutes.map((r) => r.name).sort()).toEqual(['stationHistory', 'stationOfficers', 'stationQr', 'stationUpdate'].sort());
  });

  it.each(stationRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s: officer of A and an admin outside B get 404 for station B', async (_, route) => {
    const officer = await createUser(doc, table, { role: 'officer', stationId: A.id, stationVillageCode: A.villageCode });
    const outsider = await createUser(doc, table, { role: 'county_admin', regionCode: '630202' });
    for (const caller of [officer, outsider]) {
      const res = await invoke(handlers[route.function], {
        method: route.method,
        path: route.path.replace('{stationId}', B),
        headers: caller.auth,
        body: VALID_BODIES[route.name],
      });
      expect({ route: route.name, status: res.status, code: res.json.error.code }).toEqual({ route: route.name, status: 404, code: 'NOT_FOUND' });
    }
    // The same caller reaches their own station through the same route.
    const own = await invoke(handlers[route.function], { method: route.method, path: route.path.replace('{stationId}', A.id), headers: officer.auth, body: VALID_BODIES[route.name] });
    expect(own.status).toBe(200);
  });
});
