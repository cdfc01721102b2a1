/**
 * A local stand-in for WeChat's code2Session endpoint that answers the documented error codes,
 * so the real adapter is exercised over real HTTP:
 *   ok-<openid>  -> { openid, session_key }     bad / used -> 40029 / 40163
 *   limited      -> 45011   blocked -> 40226    busy -> -1      slow -> answers after 5 s
 *   http500      -> HTTP 500
 */
import { createServer, type Server } from 'node:http';

export const FAKE_SESSION_KEY = 'FAKE-SESSION-KEY-must-never-leave-the-server';

export async function startFakeWeChat(): Promise<{ url: string; calls: URL[]; close(): Promise<void> }> {
  const calls: URL[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    calls.push(url);
    const code = url.searchParams.get('js_code') ?? '';
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/sns/jscode2session') return answer(404, { errcode: 404 });
    if (code.startsWith('ok-')) return answer(200, { openid: code.slice(3), session_key: FAKE_SESSION_KEY });
    const errors: Record<string, number> = { bad: 40029, used: 40163, limited: 45011, blocked: 40226, busy: -1 };
    if (code in errors) return answer(200, { errcode: errors[code], errmsg: 'fake' });
    if (code === 'slow') return void setTimeout(() => answer(200, { openid: 'late', session_key: FAKE_SESSION_KEY }), 5_000);
    if (code === 'http500') return answer(500, {});
    return answer(200, { errcode: 40029, errmsg: 'invalid code' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
