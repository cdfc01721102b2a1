import { buildOpenApiDocument } from '../../../functions/http/openapi';
import { routeList } from '../../../shared';

describe('the OpenAPI document', () => {
  const doc = buildOpenApiDocument({ local: true }) as any;
  const operationsOf = (document: any) =>
    Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${path}`));

  it('is OpenAPI 3.1 and lists every route of the table, and nothing else', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(operationsOf(doc).sort()).toEqual(routeList.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('leaves the devOnly routes out of a deployed stage’s document, as its API has none', () => {
    const deployed = operationsOf(buildOpenApiDocument({ local: false }));
    expect(routeList.some((r) => r.devOnly)).toBe(true);
    expect(deployed.sort()).toEqual(
      routeList
        .filter((r) => !r.devOnly)
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    );
    expect(deployed.filter((key) => key.includes(' /dev/'))).toEqual([]);
  });

  it('describes path and query parameters from the shared schemas', () => {
    const list = doc.paths['/stations'].get;
    expect(list.parameters.map((p: any) => p.name).sort()).toEqual(['cursor', 'limit', 'near', 'q', 'region']);
    expect(list.parameters.find((p: any) => p.name === 'limit').schema).toMatchObject({ minimum: 1, maximum: 50 });
    expect(doc.paths['/stations/by-code/{code}'].get.parameters[0]).toMatchObject({ name: 'code', in: 'path', required: true });
  });
});
