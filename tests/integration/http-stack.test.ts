/**
 * The same contract through the local HTTP stack: osls offline serving the real handlers on
 * DynamoDB Local (started by the test run's global setup).
 */
const api = () => {
  const url = process.env.TEST_API_URL;
  if (!url) throw new Error('TEST_API_URL is not set: run through `npm test` (YINONG_TEST_STACK=full)');
  return url;
};

describe('the local HTTP stack', () => {
  it('answers /health with 200 {"status":"ok"}', async () => {
    const res = await fetch(`${api()}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI document', async () => {
    const res = await fetch(`${api()}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/stations/by-code/{code}');
  });

  it('opens a station by code', async () => {
    const res = await fetch(`${api()}/stations/by-code/630202002214`);
    expect(res.status).toBe(200);
    expect((await res.json()).villageName).toBe('土桥村');
  });

  it('answers unknown routes with a JSON 404 in the error shape', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['POST', '/health'],
      ['DELETE', '/stations'],
    ]) {
      const res = await fetch(`${api()}${path}`, { method });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect((await res.json()).error.code).toBe('NOT_FOUND');
    }
  });

  it('answers an error in Tibetan when the request asks in bo (Accept-Language through the stack), in Chinese by default', async () => {
    const { bo } = await import('../../functions/i18n/bo');
    const { zhCN } = await import('../../functions/i18n/zh-CN');
    const path = `${api()}/stations/by-code/nosuchstation`;
    const tibetan = await fetch(path, { headers: { 'accept-language': 'bo-CN,bo;q=0.9' } });
    const chinese = await fetch(path);
    expect([tibetan.status, (await tibetan.json()).error]).toEqual([
      404,
      expect.objectContaining({ code: 'NOT_FOUND', message: bo['error.NOT_FOUND'] }),
    ]);
    expect([chinese.status, (await chinese.json()).error]).toEqual([
      404,
      expect.objectContaining({ code: 'NOT_FOUND', message: zhCN['error.NOT_FOUND'] }),
    ]);
  });

  it('IV1-IV4 over HTTP on a write route: malformed JSON 400, 16 KB+ 413, not JSON 415, __proto__ 400; nothing written', async () => {
    const { localClients } = await import('../../scripts/lib/local-clients');
    const { countEntities } = await import('../harness/count');
    const { doc } = localClients(process.env.TEST_DYNAMODB_ENDPOINT!);
    const countUsers = () => countEntities(doc, process.env.TEST_SEEDED_TABLE!, 'User');
    const before = await countUsers();
    const post = async (body: string, contentType: string) => {
      const res = await fetch(`${api()}/auth/login`, { method: 'POST', body, headers: { 'content-type': contentType } });
      return { status: res.status, json: await res.json() };
    };
    const big = JSON.stringify({ code: 'dev:x', pad: 'x'.repeat(17_000) });
    expect(await post('{"code": "dev:http-a",', 'application/json')).toMatchObject({ status: 400, json: { error: { code: 'INVALID_JSON' } } });
    expect(await post(big, 'application/json')).toMatchObject({ status: 413, json: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
    expect(await post('code=dev:http-b', 'application/x-www-form-urlencoded')).toMatchObject({
      status: 415,
      json: { error: { code: 'UNSUPPORTED_MEDIA_TYPE' } },
    });
    expect(await post('{"code":"dev:http-c","__proto__":{"role":"province_admin"}}', 'application/json')).toMatchObject({
      status: 400,
      json: { error: { code: 'INVALID_JSON' } },
    });
    expect(await post('{"code":"dev:http-d","openid":"someone"}', 'application/json')).toMatchObject({
      status: 400,
      json: { error: { code: 'VALIDATION_FAILED' } },
    });
    expect(await countUsers()).toBe(before);
    // The same route accepts a well-formed request, so the refusals above were about the input.
    expect((await post('{"code":"dev:http-ok"}', 'application/json')).status).toBe(200);
    expect(await countUsers()).toBe(before + 1);
  });
});
