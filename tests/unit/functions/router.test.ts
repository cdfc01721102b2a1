import { matchRoute } from '../../../functions/http/router';

describe('matchRoute', () => {
  it('prefers literal segments over parameters', () => {
    expect(matchRoute('GET', '/stations/by-code/ABC')).toMatchObject({ route: { name: 'stationByCode' }, params: { code: 'ABC' } });
    expect(matchRoute('GET', '/stations/st123')).toMatchObject({ route: { name: 'stationById' }, params: { stationId: 'st123' } });
  });

  it('decodes parameters and keeps malformed escapes for the schema to reject', () => {
    expect(matchRoute('GET', '/stations/by-code/%E5%9C%9F')?.params.code).toBe('土');
    expect(matchRoute('GET', '/stations/by-code/%E5%9C')?.params.code).toBe('%E5%9C');
  });

  it('does not match other methods, unknown paths or extra segments', () => {
    expect(matchRoute('POST', '/health')).toBeNull();
    expect(matchRoute('GET', '/healthz')).toBeNull();
    expect(matchRoute('GET', '/regions/63/children/extra')).toBeNull();
    expect(matchRoute('GET', '/regions//children')).toBeNull();
  });
});
