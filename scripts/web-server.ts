/**
 * Serves the H5 build of the mini-program and proxies `/api/*` to the HTTP API, so the H5 app calls
 * the relative `/api` on whatever host and port it is served from (no CORS needed).
 *
 *   GET /                    -> dist/h5/index.html (hash routing: every route is index.html), no-cache
 *   GET /js/app.1a2b3c4d.js  -> the file, cached for a year (names carry a content hash)
 *   text files (html, js, css, json, svg) go out brotli- or gzip-compressed when the client accepts it:
 *   compressed once at server start (scripts/lib/precompressed.ts), as a CDN would serve them
 *   GET /unknown/path        -> index.html (SPA fallback; a missing *file* with an extension is 404)
 *   ANY /api/stations/...    -> `${apiTarget}/stations/...`, streamed both ways
 *   ANY /s3/<bucket>/<key>   -> `${s3Target}/<bucket>/<key>` (local object storage: presigned POSTs and
 *                               images go through the app's own origin, so no CORS and one address)
 *
 * Dependency-free (node:http only). Run directly: `tsx scripts/web-server.ts`
 * (WEB_PORT, default 10086; API_URL, default http://127.0.0.1:3000; WEB_DIST, default miniprogram/dist/h5).
 */
import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { acceptedEncodings, COMPRESSIBLE, PrecompressedFiles } from './lib/precompressed';

export interface WebServerOptions {
  port: number;
  host?: string;
  /** The H5 build (miniprogram/dist/h5). */
  distDir: string;
  /** Base URL of the API, e.g. http://127.0.0.1:3000 (a path prefix is kept). */
  apiTarget: string;
  /** Base URL of the local S3 (s3rver), served under /s3; absent: no /s3 route. */
  s3Target?: string;
}

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

const API_PREFIX = '/api';
export const S3_PREFIX = '/s3';
const PROXY_TIMEOUT_MS = 30_000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Hop-by-hop headers (RFC 9110 7.6.1) are for one connection and are not forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function sendJsonError(res: http.ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code, message, requestId: randomUUID() } });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

function forwardHeaders(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())) out[name] = value;
  }
  return out;
}

function proxy(req: http.IncomingMessage, res: http.ServerResponse, target: URL, prefix = API_PREFIX): void {
  const incoming = new URL(req.url ?? '/', 'http://localhost');
  const rest = incoming.pathname.slice(prefix.length) || '/';
  const basePath = target.pathname.replace(/\/+$/, '');
  const client = target.protocol === 'https:' ? https : http;

  const headers = forwardHeaders(req.headers);
  headers.host = target.host;
  const remote = req.socket.remoteAddress;
  if (remote) {
    const prior = req.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = prior ? `${String(prior)}, ${remote}` : remote;
  }
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-host'] = req.headers.host ?? '';

  const upstream = client.request(
    {
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port || undefined,
      method: req.method,
      path: `${basePath}${rest}${incoming.search}`,
      headers,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, forwardHeaders(answer.headers));
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    },
  );
  upstream.setTimeout(PROXY_TIMEOUT_MS, () => {
    upstream.destroy(new Error('upstream timeout'));
  });
  upstream.on('error', (error) => {
    const timedOut = error.message === 'upstream timeout';
    sendJsonError(res, timedOut ? 504 : 502, 'DEPENDENCY_UNAVAILABLE', timedOut ? 'The API did not answer in time' : 'The API is not reachable');
  });
  // The client gave up: stop the upstream request too.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

/** The file for a URL path inside `root`, or undefined if it escapes it or does not exist. */
async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  // Dotfiles (e.g. the build's .build-hash stamp) are not part of the site.
  if (decoded.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return undefined;
  try {
    const stat = await fs.stat(file);
    if (stat.isFile()) return file;
    if (stat.isDirectory()) {
      const index = path.join(file, 'index.html');
      if ((await fs.stat(index).catch(() => undefined))?.isFile()) return index;
    }
  } catch {
    // not found
  }
  return undefined;
}

async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, root: string, compressed: PrecompressedFiles): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('Method Not Allowed');
    return;
  }
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  let file = await resolveFile(root, pathname);
  if (!file) {
    // SPA fallback for routes; a missing asset (has an extension) is a real 404, not index.html.
    if (path.posix.extname(pathname) !== '') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not Found');
      return;
    }
    file = path.join(root, 'index.html');
  }
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`Not Found (is the H5 build in ${root}? run npm run build:h5)`);
    return;
  }
  const ext = path.extname(file).toLowerCase();
  const hashed = /\.[0-9a-f]{8}\.(js|css)$/.test(file);
  const headers: http.OutgoingHttpHeaders = {
    'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    // Hashed names change with their content: cache for a year. index.html names them: always revalidate.
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  // Caches must keep the encodings apart.
  if (COMPRESSIBLE.has(ext)) headers.vary = 'Accept-Encoding';
  const encoded = await compressed.pick(file, stat, acceptedEncodings(req.headers['accept-encoding']));
  if (encoded) {
    res.writeHead(200, { ...headers, 'content-encoding': encoded.encoding, 'content-length': encoded.body.length });
    res.end(req.method === 'HEAD' ? undefined : encoded.body);
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': stat.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

export function startWebServer({ port, host = '127.0.0.1', distDir, apiTarget, s3Target }: WebServerOptions): Promise<WebServer> {
  const root = path.resolve(distDir);
  const target = new URL(apiTarget);
  const s3 = s3Target ? new URL(s3Target) : undefined;
  const compressed = new PrecompressedFiles();
  // In the background: listening does not wait; a request waits only for its own file.
  compressed.warm(root).catch(() => undefined);

  const server = http.createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`)) {
      proxy(req, res, target);
      return;
    }
    if (s3 && (pathname === S3_PREFIX || pathname.startsWith(`${S3_PREFIX}/`))) {
      proxy(req, res, s3, S3_PREFIX);
      return;
    }
    serveStatic(req, res, root, compressed).catch(() => sendJsonError(res, 500, 'INTERNAL', 'Internal error'));
  });
  // Keep-alive sockets would hold close() open; server.closeAllConnections() ends them.
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shownHost}:${address.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

if (typeof require !== 'undefined' && require.main === module) {
  const port = Number(process.env.WEB_PORT ?? 10086);
  const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';
  const s3Target = process.env.S3_URL;
  const distDir = process.env.WEB_DIST ?? path.resolve(__dirname, '../miniprogram/dist/h5');
  startWebServer({ port, host: process.env.WEB_HOST ?? '127.0.0.1', distDir, apiTarget, s3Target }).then(
    (web) => {
      console.log(`H5 ${web.url} (dist ${distDir}); /api -> ${apiTarget}`);
      const stop = () => void web.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
