/**
 * Generated from the route table: every non-public route refuses missing and bad tokens (AU5) and
 * every role it does not list (AZ3), before looking at the request.
 */
import { ROLES, routeList, type RouteDef } from '../../shared';
import { issueToken } from '../../functions/auth/tokens';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { createUser } from '../harness/users';

/** Fill path parameters with plausible values: auth must answer before they are even validated. */
const concretePath = (route: RouteDef) => route.path.replace(/\{(\w+)\}/g, (_, name) => (name === 'code' ? '63' : 'x1'));

const PUBLIC_ROUTES = ['health', 'openapi', 'login', 'regionChildren', 'stationByCode', 'stationById', 'stationList'];

describe('authentication and role matrix', () => {
  let table: Awaited<ReturnType<typeof useFreshTable>>;
  beforeAll(async () => {
    table = await useFreshTable('authz');
  });

  it('has exactly the short, explicit public list of the contract', () => {
    expect(routeList.filter((r) => r.access === 'public').map((r) => r.name).sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  const protectedRoutes = routeList.filter((r) => r.access !== 'public');

  it.each(protectedRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))('AU5: %s without or with a bad token is 401', async (_, route) => {
    const badTokens = [
      undefined,
      'Bearer',
      'Basic dXNlcjpwYXNz',
      'Bearer not.a.token',
      `Bearer ${issueToken('u-someone', 'wrong-secret', 3600).token}`,
      `Bearer ${issueToken('u-nobody', process.env.TOKEN_SECRET!, 3600).token}`, // valid signature, no such user
    ];
    for (const authorization of badTokens) {
      const res = await invoke(handlers[route.function], {
        method: route.method,
        path: concretePath(route),
        headers: authorization ? { authorization } : {},
      });
      expect({ authorization, status: res.status, code: res.json.error.code }).toEqual({ authorization, status: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it.each(protectedRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))('AZ3: %s refuses every role it does not list with 403', async (_, route) => {
    const refused = ROLES.filter((role) => !(route.access as readonly string[]).includes(role));
    for (const role of refused) {
      const { auth } = await createUser(table.doc, table.tableName, { role, regionCode: role.endsWith('admin') ? '63' : undefined });
      const res = await invoke(handlers[route.function], { method: route.method, path: concretePath(route), headers: auth, body: route.body ? {} : undefined });
      expect({ role, status: res.status, code: res.json.error.code }).toEqual({ role, status: 403, code: 'FORBIDDEN' });
    }
  });

  it('a blocked user is refused with 403 even with a valid token', async () => {
    const { auth } = await createUser(table.doc, table.tableName, { role: 'villager', status: 'blocked' });
    const res = await invoke(handlers.auth, { path: '/me', headers: auth });
    expect(res.status).toBe(403);
  });
});
