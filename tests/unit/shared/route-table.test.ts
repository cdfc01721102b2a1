import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type * as z from 'zod/mini';
import { routeList, type RouteDef } from '../../../shared';
import { HealthResponse } from '../../../shared/schemas/common';

type HttpEvent = { httpApi: string | { method: string; path: string } };
type ServerlessConfig = {
  functions: Record<string, { handler: string; events?: HttpEvent[] }>;
  custom: { devOnlyHttpEvents: Record<string, HttpEvent[]> };
};
const readServerless = () => parse(readFileSync(join(__dirname, '../../../serverless.yml'), 'utf8')) as ServerlessConfig;
const serverless = readServerless();
// The local plugin that adds the dev-only events in local stages (plain CommonJS, as osls loads it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { addDevOnlyEvents } = require('../../../scripts/lib/dev-only-routes.cjs') as {
  addDevOnlyEvents: (service: ServerlessConfig, stage: string) => string[];
};
const routeKeysOf = (functions: ServerlessConfig['functions']) =>
  Object.entries(functions).flatMap(([fn, def]) =>
    (def.events ?? [])
      .map((e) => e.httpApi)
      .filter((e): e is { method: string; path: string } => typeof e === 'object')
      .map((e) => `${fn} ${e.method.toUpperCase()} ${e.path}`),
  );
const keyOf = (r: RouteDef) => `${r.function} ${r.method} ${r.path}`;

describe('serverless.yml events and the route table', () => {
  const devOnly = routeList.filter((r) => r.devOnly);

  it('declare exactly the same routes, each served by the function the table names: the devOnly ones apart', () => {
    expect(routeKeysOf(serverless.functions).sort()).toEqual(
      routeList
        .filter((r) => !r.devOnly)
        .map(keyOf)
        .sort(),
    );
    const listedDevOnly = routeKeysOf(
      Object.fromEntries(Object.entries(serverless.custom.devOnlyHttpEvents).map(([fn, events]) => [fn, { handler: '', events }])),
    );
    expect(listedDevOnly.sort()).toEqual(devOnly.map(keyOf).sort());
  });

  it('keep /dev/ for the devOnly routes, and every devOnly route under it', () => {
    expect(devOnly.map((r) => r.name).sort()).toEqual(['confirmPayLinkStub', 'confirmStubPayment']);
    expect(routeList.filter((r) => r.path.startsWith('/dev/')).map((r) => r.name)).toEqual(devOnly.map((r) => r.name));
  });

  it('give the devOnly routes their events in the local stages only (the plugin serverless.yml loads)', () => {
    for (const stage of ['local', 'test']) {
      const service = readServerless();
      expect({ stage, added: addDevOnlyEvents(service, stage).sort() }).toEqual({ stage, added: devOnly.map(keyOf).sort() });
      expect({ stage, routes: routeKeysOf(service.functions).sort() }).toEqual({ stage, routes: routeList.map(keyOf).sort() });
      // Run again (serverless-offline restarts): nothing is added twice.
      expect(addDevOnlyEvents(service, stage)).toEqual([]);
    }
    for (const stage of ['staging', 'prod']) {
      const service = readServerless();
      expect({ stage, added: addDevOnlyEvents(service, stage) }).toEqual({ stage, added: [] });
      expect({ stage, dev: routeKeysOf(service.functions).filter((key) => key.includes(' /dev/')) }).toEqual({ stage, dev: [] });
    }
  });

  it('refuse a dev-only event outside /dev/ or of an unknown function, whatever the stage', () => {
    const outside = readServerless();
    outside.custom.devOnlyHttpEvents.market = [{ httpApi: { method: 'POST', path: '/orders/{orderId}/confirm' } }];
    expect(() => addDevOnlyEvents(outside, 'prod')).toThrow(/not an httpApi event under \/dev\//);
    const unknown = readServerless();
    unknown.custom.devOnlyHttpEvents.nobody = [{ httpApi: { method: 'POST', path: '/dev/x' } }];
    expect(() => addDevOnlyEvents(unknown, 'local')).toThrow(/nobody, which is no function/);
  });

  it('route every other request to the fallback function, which answers 404', () => {
    const catchAll = Object.entries(serverless.functions).filter(([, def]) => def.events?.some((e) => e.httpApi === '*'));
    expect(catchAll.map(([name]) => name)).toEqual(['fallback']);
  });

  it('give every function a handler file that exists', () => {
    for (const def of Object.values(serverless.functions)) {
      const file = def.handler.replace(/\.handler$/, '.ts');
      expect(() => readFileSync(join(__dirname, '../../..', file))).not.toThrow();
    }
  });

  it('have unique method + path pairs and operation ids', () => {
    expect(new Set(routeList.map((r) => `${r.method} ${r.path}`)).size).toBe(routeList.length);
    expect(new Set(routeList.map((r) => r.operationId)).size).toBe(routeList.length);
  });
});

/** The keys of an object schema (a route's body), or none. */
const objectKeys = (schema: z.ZodMiniType | undefined): string[] => {
  const shape = (schema as unknown as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
};
/** Path parameters, and body fields naming an object by its id (`stationId`, `householdId`...). */
const objectReferences = (route: RouteDef) => [...(route.path.match(/\{\w+\}/g) ?? []), ...objectKeys(route.body).filter((key) => /Ids?$/.test(key))];

/** What the BOLA matrix needs of a route (tests/integration/bola-matrix.test.ts generates its rows from `scope`). */
function scopeProblems(route: RouteDef & { name: string }): string[] {
  if (route.access === 'public') return route.scope === undefined ? [] : [`${route.name}: a public route has no scope`];
  const problems: string[] = [];
  if (objectReferences(route).length > 0 && route.scope === undefined)
    problems.push(`${route.name}: names ${objectReferences(route).join(', ')} but declares no scope`);
  if (route.scope === 'none' && (route.scopeReason ?? '').trim().length < 20) problems.push(`${route.name}: scope 'none' needs a reason`);
  if (route.scope === 'self' && objectReferences(route).some((ref) => /userId|householdId|paymentId/.test(ref) || ref.startsWith('{'))) {
    problems.push(`${route.name}: a self route cannot name another user's object (${objectReferences(route).join(', ')})`);
  }
  return problems;
}

describe('route scopes (what the BOLA matrix is generated from)', () => {
  it('every route open to signed-in users that names an object declares its scope, or none with a reason', () => {
    expect(routeList.flatMap(scopeProblems)).toEqual([]);
  });

  it('finds a route that forgets its scope, a bare none and a self route that names another user', () => {
    const base = { operationId: 'x', callBudget: 1, method: 'GET', function: 'stations', summary: 'x', response: HealthResponse } as const;
    const forgot = { ...base, name: 'forgot', path: '/stations/{stationId}/things', access: ['officer'] } as unknown as RouteDef & { name: string };
    const bareNone = { ...base, name: 'bareNone', path: '/things', access: ['officer'], scope: 'none', scopeReason: ' ' } as RouteDef & {
      name: string;
    };
    const selfOther = { ...base, name: 'selfOther', path: '/users/{userId}', access: ['villager'], scope: 'self' } as RouteDef & { name: string };
    expect([forgot, bareNone, selfOther].map((route) => scopeProblems(route).length)).toEqual([1, 1, 1]);
  });

  it('the RouteDef type already refuses a signed-in route without a scope, and none without a reason', () => {
    const base = {
      operationId: 'x',
      callBudget: 1,
      method: 'GET',
      path: '/things/{id}',
      function: 'stations',
      summary: 'x',
      response: HealthResponse,
    } as const;
    // @ts-expect-error scope is required once access is a list of roles
    const forgot: RouteDef = { ...base, access: ['officer'] };
    // @ts-expect-error scope 'none' needs its reason
    const bareNone: RouteDef = { ...base, access: ['officer'], scope: 'none' };
    const declared: RouteDef = { ...base, access: ['officer'], scope: 'station' };
    expect([forgot, bareNone, declared].length).toBe(3);
  });
});
