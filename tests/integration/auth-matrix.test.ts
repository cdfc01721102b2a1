/**
 * Generated from the route table: every non-public route refuses missing and bad tokens (AU5) and
 * every role it does not list (AZ3), before looking at the request, and lets every role it lists
 * through to the request (a role the table allows is never refused).
 */
import { ROLES, routeList, type Role, type RouteDef } from '../../shared';
import { issueToken } from '../../functions/auth/tokens';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { createUser } from '../harness/users';

/** Fill path parameters with plausible values: auth must answer before they are even validated. */
const concretePath = (route: RouteDef) => route.path.replace(/\{(\w+)\}/g, (_, name) => (name === 'code' ? '63' : 'x1'));

const PUBLIC_ROUTES = [
  'health',
  'openapi',
  'login',
  'regionChildren',
  'stationByCode',
  'stationById',
  'stationList',
  'feedCategories',
  'listFeeds',
  'getFeed',
  'listPriceProducts',
  'listPriceMarkets',
  'marketPrices',
  'priceSeries',
  'listCategories',
  'listListings',
  'getListing',
  'wechatPayWebhook',
  'payLinkWebhook',
  'refundWebhook',
  'listTrainings',
  'getTraining',
];

describe('authentication and role matrix', () => {
  let table: Awaited<ReturnType<typeof useFreshTable>>;
  beforeAll(async () => {
    table = await useFreshTable('authz');
  });

  it('has exactly the short, explicit public list of the contract', () => {
    expect(
      routeList
        .filter((r) => r.access === 'public')
        .map((r) => r.name)
        .sort(),
    ).toEqual([...PUBLIC_ROUTES].sort());
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

  /** A user of each role, as real as the matrix needs: officers have a station, admins a region. */
  const userOf = (role: Role) =>
    createUser(table.doc, table.tableName, {
      role,
      regionCode: role.endsWith('admin') ? '63' : undefined,
      ...(role === 'officer' ? { stationId: 'x1', stationVillageCode: '630202002214' } : {}),
    });

  // One row per route and role, so every row asserts something: a route open to every role has no
  // refused role, and its rows check that each role gets through instead.
  const rows = protectedRoutes.flatMap((route) => ROLES.map((role) => [`${route.method} ${route.path}`, role, route] as const));

  it('has a row for every role on every protected route', () => {
    expect(rows.length).toBe(protectedRoutes.length * ROLES.length);
    expect(protectedRoutes.length).toBeGreaterThan(0);
  });

  it.each(rows)('AZ3: %s as %s: 403 when the route does not list the role, past authorisation (not 401/403) when it does', async (_, role, route) => {
    const allowed = (route.access as readonly string[]).includes(role);
    const { auth } = await userOf(role);
    const res = await invoke(handlers[route.function], {
      method: route.method,
      path: concretePath(route),
      headers: { ...auth, ...(route.idempotent ? { 'idempotency-key': `authz-${route.name}-${role}` } : {}) },
      body: route.body ? {} : undefined,
    });
    if (allowed) {
      // Past the role check: a 400 (empty body), a 404 (no such object) or a 2xx, never refused.
      expect({ role, status: res.status, refused: [401, 403].includes(res.status) }).toEqual({ role, status: res.status, refused: false });
    } else {
      expect({ role, status: res.status, code: res.json.error.code }).toEqual({ role, status: 403, code: 'FORBIDDEN' });
    }
  });

  it('a blocked user is refused with 403 even with a valid token', async () => {
    const { auth } = await createUser(table.doc, table.tableName, { role: 'villager', status: 'blocked' });
    const res = await invoke(handlers.auth, { path: '/me', headers: auth });
    expect(res.status).toBe(403);
  });
});
