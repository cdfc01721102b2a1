/**
 * @jest-environment node
 *
 * scripts/web-server.ts against a throwaway dist directory and a throwaway upstream API.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { acceptedEncodings } from '../../../scripts/lib/precompressed';
import { startWebServer, type WebServer } from '../../../scripts/web-server';

let dist: string;
let upstream: http.Server;
let upstreamUrl: string;
let web: WebServer;
const seen: Array<{ method?: string; url?: string; host?: string; body: string }> = [];
/** Large and repetitive, like a bundle: compresses well. */
const BIG_JS = Array.from({ length: 400 }, (_, i) => `export function station${i}(code) { return '服务站 ' + code + ' ${i}'; }`).join('\n');
const bigHtml = (marker: string) => `<!doctype html><title>${marker}</title>${'<div class="skeleton"></div>'.repeat(100)}`;

/** A GET with exactly these headers (fetch() would add Accept-Encoding and decode the answer itself). */
function rawGet(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status?: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${web.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dist, 'js'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dist, 'js', 'app.1a2b3c4d.js'), 'console.log(1)');
  writeFileSync(join(dist, '.build-hash'), 'secret-ish');
  writeFileSync(join(dist, 'js', 'page.5e6f7a8b.js'), BIG_JS);
  mkdirSync(join(dist, 'spa'));
  writeFileSync(join(dist, 'spa', 'index.html'), bigHtml('first'));

  upstream = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, host: req.headers.host, body });
      if (req.url?.startsWith('/teapot')) {
        res.writeHead(418, { 'content-type': 'application/json', 'x-request-id': 'abc' });
        res.end(JSON.stringify({ error: { code: 'TEAPOT', message: 'short and stout', requestId: 'abc' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ echo: body, url: req.url }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  web = await startWebServer({ port: 0, distDir: dist, apiTarget: upstreamUrl });
});

afterAll(async () => {
  await web.close();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
  rmSync(dist, { recursive: true, force: true });
});

describe('static files', () => {
  it('serves index.html at / without long caching', async () => {
    const response = await fetch(`${web.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>app</title>');
  });

  it('serves hashed assets with their type, cached for good', async () => {
    const response = await fetch(`${web.url}/js/app.1a2b3c4d.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers routes with index.html but a missing asset with 404', async () => {
    expect(await (await fetch(`${web.url}/pages/station/index`)).text()).toContain('<title>app</title>');
    expect((await fetch(`${web.url}/js/missing.js`)).status).toBe(404);
  });

  it('does not serve dotfiles or anything outside the dist directory', async () => {
    expect(await (await fetch(`${web.url}/.build-hash`)).text()).not.toContain('secret-ish');
    const raw = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      // fetch() normalises "..", a raw request does not.
      const req = http.request(`${web.url}/../../../../etc/passwd`, { path: '/../../../../etc/passwd' }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(raw.body).not.toContain('root:');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await fetch(`${web.url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
    expect((await fetch(`${web.url}/`, { method: 'POST' })).status).toBe(405);
  });
});

describe('compressed static files', () => {
  it('sends brotli to a browser that accepts it, smaller, with its length and Vary, still cached for good', async () => {
    const answer = await rawGet('/js/page.5e6f7a8b.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(Buffer.byteLength(BIG_JS) / 5);
    expect(brotliDecompressSync(answer.body).toString()).toBe(BIG_JS);
  });

  it('sends gzip when only gzip is accepted, and the file as it is when nothing or identity is', async () => {
    const gzipped = await rawGet('/js/page.5e6f7a8b.js', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toBe(BIG_JS);
    for (const header of [undefined, 'identity', 'br;q=0, gzip;q=0', '*;q=0']) {
      const plain = await rawGet('/js/page.5e6f7a8b.js', header ? { 'accept-encoding': header } : {});
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(BIG_JS);
      expect(plain.headers.vary).toBe('Accept-Encoding');
    }
  });

  it('compresses index.html too, which is never long-cached', async () => {
    const answer = await rawGet('/spa/', { 'accept-encoding': 'br' });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(answer.body).toString()).toBe(bigHtml('first'));
  });

  it('answers HEAD with the compressed length and no body', async () => {
    const get = await rawGet('/js/page.5e6f7a8b.js', { 'accept-encoding': 'br' });
    const head = await rawGet('/js/page.5e6f7a8b.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers['content-length']).toBe(String(get.body.length));
    expect(head.body.length).toBe(0);
  });

  it('compresses a file again when a rebuild changed it after the server started', async () => {
    await rawGet('/spa/', { 'accept-encoding': 'gzip' });
    writeFileSync(join(dist, 'spa', 'index.html'), bigHtml('second build, longer'));
    const answer = await rawGet('/spa/', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(answer.body).toString()).toBe(bigHtml('second build, longer'));
  });

  it('leaves tiny files alone: compression would not pay for its headers', async () => {
    const answer = await rawGet('/js/app.1a2b3c4d.js', { 'accept-encoding': 'br, gzip' });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toBe('console.log(1)');
  });

  it('reads Accept-Encoding with its weights: br first, q=0 refuses, * stands for the rest', () => {
    expect(acceptedEncodings('gzip, deflate, br')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip;q=1.0, br;q=0')).toEqual(['gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('br;q=0, *;q=0.5')).toEqual(['gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });
});

describe('/api proxy', () => {
  it('strips /api, keeps the query, forwards the body and the answer', async () => {
    seen.length = 0;
    const response = await fetch(`${web.url}/api/stations?region=63&limit=2`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hello: '你好' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ echo: '{"hello":"你好"}', url: '/stations?region=63&limit=2' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/stations?region=63&limit=2', host: new URL(upstreamUrl).host });
  });

  it('passes error statuses and headers through untouched', async () => {
    const response = await fetch(`${web.url}/api/teapot`);
    expect(response.status).toBe(418);
    expect(response.headers.get('x-request-id')).toBe('abc');
    expect(await response.json()).toEqual({ error: { code: 'TEAPOT', message: 'short and stout', requestId: 'abc' } });
  });

  it('answers 502 in the contract error shape when the API is down', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const orphan = await startWebServer({ port: 0, distDir: dist, apiTarget: `http://127.0.0.1:${port}` });
    try {
      const response = await fetch(`${orphan.url}/api/health`);
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toContain('application/json');
      const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
      expect(body.error).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', message: expect.any(String), requestId: expect.any(String) });
    } finally {
      await orphan.close();
    }
  });
});
