/**
 * WeChat's official mini-program code (wxacode.getUnlimited): scanning it opens
 * pages/station/index?scene=<code> directly. The API has a quota and answers 45009 when it is
 * spent, so each station's image is fetched once and kept in `cache`.
 */
import type { WeChatCodeCache } from '../data/wechat-codes-repository';
import { AppError } from '../domain/errors';
import type { QrCodeSource } from '../domain/stations/station-poster';
import { getAccessToken } from './wechat-access-token';
import type { WeChatAppConfig } from './wechat-code2session';

export function createWeChatQrSource(app: WeChatAppConfig, cache: WeChatCodeCache, fetchImpl: typeof fetch = fetch): QrCodeSource {
  return {
    async forStation(station) {
      const cached = await cache.get(station.id);
      if (cached) return { kind: 'png', base64: cached.toString('base64') };
      const url = new URL('/wxa/getwxacodeunlimit', app.apiBase);
      url.search = new URLSearchParams({ access_token: await getAccessToken(app, fetchImpl) }).toString();
      let response: Response;
      try {
        response = await fetchImpl(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ scene: station.code, page: 'pages/station/index', check_path: false, width: 430 }),
          signal: AbortSignal.timeout(app.timeoutMs),
        });
      } catch {
        throw new AppError('DEPENDENCY_UNAVAILABLE', 'WeChat did not answer; try again shortly', undefined, 10);
      }
      const body = Buffer.from(await response.arrayBuffer());
      if ((response.headers.get('content-type') ?? '').includes('json')) {
        const error = JSON.parse(body.toString('utf8')) as { errcode?: number };
        if (error.errcode === 45009)
          throw new AppError('RATE_LIMITED', 'WeChat’s daily quota of codes is spent; try again tomorrow', undefined, 3600);
        throw new AppError('DEPENDENCY_UNAVAILABLE', `WeChat could not make the code (errcode ${error.errcode})`, undefined, 30);
      }
      await cache.put(station.id, body);
      return { kind: 'png', base64: body.toString('base64') };
    },
  };
}
