/**
 * The HTTP pipeline's checks and their order (api-contract.md), and IV1-IV5 of reliability.md.
 * These requests all fail before any data access, so no database is involved.
 */
import { handler as stations } from '../../../functions/handlers/stations';
import { handler as fallback } from '../../../functions/handlers/not-found';
import { createHttpHandler } from '../../../functions/http/pipeline';
import { zhCN } from '../../../functions/i18n/zh-CN';
import { invoke } from '../../harness/invoke';

const expectErrorShape = (json: any, code: string) => {
  expect(json).toEqual({
    error: expect.objectContaining({ code, message: expect.any(String), requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) }),
  });
};

describe('HTTP pipeline', () => {
  const path = '/stations/by-code/630202002214';

  it('IV2: a body over 16 KB is 413 PAYLOAD_TOO_LARGE, before any other check', async () => {
    const big = JSON.stringify({ filler: 'x'.repeat(16 * 1024) });
    const res = await invoke(stations, { path, body: big, headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(413);
    expectErrorShape(res.json, 'PAYLOAD_TOO_LARGE');
  });

  it('accepts exactly 16 KB as far as the size check goes', async () => {
    const body = JSON.stringify({ a: 'x'.repeat(16 * 1024 - 8) });
    expect(Buffer.byteLength(body)).toBe(16 * 1024);
    const res = await invoke(stations, { path, body, headers: { 'content-type': 'application/json' } });
    expect(res.status).not.toBe(413);
  });

  it('IV3: a body that is not JSON is 415, checked before its syntax', async () => {
    const res = await invoke(stations, { path, body: '{oops', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(415);
    expectErrorShape(res.json, 'UNSUPPORTED_MEDIA_TYPE');
    const none = await invoke(stations, { path, body: '{}' });
    expect(none.status).toBe(415);
  });

  it('IV1: malformed JSON is 400 INVALID_JSON with a clear message', async () => {
    for (const body of ['{oops', '{"a":1,}', '[1, 2', 'nul']) {
      const res = await invoke(stations, { path, body, headers: { 'content-type': 'application/json; charset=utf-8' } });
      expect(res.status).toBe(400);
      expectErrorShape(res.json, 'INVALID_JSON');
      // In the caller's language (Chinese by default), from the server catalogue.
      expect(res.json.error.message).toBe(zhCN['error.INVALID_JSON']);
    }
  });

  it('IV4: __proto__, constructor and prototype keys are 400 INVALID_JSON at any depth', async () => {
    for (const body of ['{"__proto__":{"admin":true}}', '{"a":{"constructor":{"prototype":{"x":1}}}}', '[{"b":[{"__proto__":1}]}]']) {
      const res = await invoke(stations, { path, body, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expectErrorShape(res.json, 'INVALID_JSON');
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('schema violations are 400 VALIDATION_FAILED naming each failing field', async () => {
    const res = await invoke(stations, { path: '/stations', query: { region: '6x', limit: '500', extra: '1' } });
    expect(res.status).toBe(400);
    expectErrorShape(res.json, 'VALIDATION_FAILED');
    expect(res.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['query.extra', 'query.limit', 'query.region']);
  });

  it('names the failing fields of params and body together in one 400', async () => {
    const res = await invoke(stations, {
      method: 'PATCH',
      path: '/stations/not%20an%20id',
      headers: { authorization: 'Bearer x' },
      body: { phone: 'nope', extra: 1 },
    });
    // 401 comes first on this protected route: the order of the contract.
    expect(res.status).toBe(401);
    const publicRoute = await invoke(stations, { path: '/stations/by-code/bad%20code', body: { a: 1 } });
    expect(publicRoute.status).toBe(400);
    expect(publicRoute.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body', 'params.code']);
  });

  it('a body on a route that takes none is 400', async () => {
    const res = await invoke(stations, { path, body: { a: 1 } });
    expect(res.status).toBe(400);
    expectErrorShape(res.json, 'VALIDATION_FAILED');
  });

  it('unknown routes are 404 NOT_FOUND in the error shape, from the fallback and from a function serving other routes', async () => {
    for (const res of [
      await invoke(fallback, { path: '/nope' }),
      await invoke(fallback, { path: '/health', method: 'DELETE' }),
      await invoke(stations, { path: '/regions/63/children' }),
    ]) {
      expect(res.status).toBe(404);
      expectErrorShape(res.json, 'NOT_FOUND');
    }
  });

  it('IV5: a forced internal error is a generic 500 carrying only a request id', async () => {
    const failing = createHttpHandler('system', {
      health: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'secretTableInternals')");
      },
      openapi: async () => '{}',
    });
    const res = await invoke(failing, { path: '/health' });
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ error: { code: 'INTERNAL', message: zhCN['error.INTERNAL'], requestId: expect.any(String) } });
    expect(res.raw).not.toMatch(/secretTableInternals|TypeError|stack/);
    expect(res.headers['x-request-id']).toBe(res.json.error.requestId);
  });

  it('refuses at cold start a function with queueable routes whose idempotency store was not handed over (a cast past the compiler)', () => {
    const build =
      (...args: unknown[]) =>
      () =>
        (createHttpHandler as (...a: unknown[]) => unknown)('training', ...args);
    expect(build({})).toThrow(/give the pipeline an idempotency store for .*checkInTraining/);
    expect(build({ replays: undefined }, {})).toThrow(/idempotency store/);
    // Given one (never used here: no request is made), it builds.
    expect(build({ replays: {} }, {})).not.toThrow();
  });

  it('gives every request its own id', async () => {
    const a = await invoke(fallback, { path: '/a' });
    const b = await invoke(fallback, { path: '/a' });
    expect(a.json.error.requestId).not.toBe(b.json.error.requestId);
  });
});
