import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { routeList } from '../../../shared';

type HttpEvent = { httpApi: string | { method: string; path: string } };
const serverless = parse(readFileSync(join(__dirname, '../../../serverless.yml'), 'utf8')) as {
  functions: Record<string, { handler: string; events?: HttpEvent[] }>;
};

describe('serverless.yml events and the route table', () => {
  const declared = Object.entries(serverless.functions).flatMap(([fn, def]) =>
    (def.events ?? [])
      .map((e) => e.httpApi)
      .filter((e): e is { method: string; path: string } => typeof e === 'object')
      .map((e) => `${fn} ${e.method.toUpperCase()} ${e.path}`),
  );
  const expected = routeList.map((r) => `${r.function} ${r.method} ${r.path}`);

  it('declare exactly the same routes, each served by the function the table names', () => {
    expect([...declared].sort()).toEqual([...expected].sort());
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
