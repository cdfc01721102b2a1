/** @jest-environment jsdom */
import Taro from '@tarojs/taro';
import { resetStorage } from '../../stubs/taro';
import {
  ApiError,
  apiBase,
  appointOfficer,
  getMe,
  getRegionChildren,
  getStationByCode,
  getStationById,
  getStationHistory,
  getStationOfficers,
  getStationPhone,
  listStations,
  nearParam,
  setHomeStation,
  updateStation,
  removeOfficer,
  request,
  signIn,
  signOut,
} from '../../../miniprogram/src/services/api';
import { currentSession, onSessionChange, saveSession } from '../../../miniprogram/src/services/session';
import { errorBody, loginAnswer, officerMe, station } from './fixtures';

type RequestOptions = Parameters<typeof Taro.request>[0];

function answer(statusCode: number, data: unknown) {
  return jest.spyOn(Taro, 'request').mockResolvedValue({ statusCode, data, header: {} } as never);
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}

const originalEnv = { ...process.env };

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  delete process.env.TARO_APP_API_BASE;
  resetStorage();
});

afterEach(() => {
  jest.restoreAllMocks();
  process.env = { ...originalEnv };
});

describe('API base URL', () => {
  it('is the proxied relative /api on H5 and the local stack on weapp', () => {
    expect(apiBase()).toBe('/api');
    process.env.TARO_ENV = 'weapp';
    expect(apiBase()).toBe('http://127.0.0.1:3000');
  });

  it('is TARO_APP_API_BASE when set, without a trailing slash', () => {
    process.env.TARO_APP_API_BASE = 'https://api.example.cn/prod/';
    expect(apiBase()).toBe('https://api.example.cn/prod');
  });
});

describe('getStationByCode', () => {
  it('GETs /stations/by-code/{code} and returns the profile', async () => {
    const spy = answer(200, station);
    await expect(getStationByCode('630202002214')).resolves.toEqual(station);
    const options = spy.mock.calls[0][0] as RequestOptions;
    expect(options.url).toBe('/api/stations/by-code/630202002214');
    expect(options.method).toBe('GET');
  });

  it('encodes the code into the path', async () => {
    const spy = answer(200, station);
    await getStationByCode('a/b?c');
    expect((spy.mock.calls[0][0] as RequestOptions).url).toBe('/api/stations/by-code/a%2Fb%3Fc');
  });

  it('maps the contract error body to an ApiError with status, code, message and requestId', async () => {
    answer(404, errorBody('NOT_FOUND', 'Station not found', 'req-9'));
    const error = await caught(getStationByCode('000000000000'));
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'Station not found', requestId: 'req-9' });
  });

  it('keeps a code it does not know (newer server) as it is', async () => {
    answer(409, errorBody('BRAND_NEW_CODE'));
    expect((await caught(getStationByCode('1'))).code).toBe('BRAND_NEW_CODE');
  });

  it('maps a network failure to NETWORK_ERROR with status 0', async () => {
    jest.spyOn(Taro, 'request').mockRejectedValue({ errMsg: 'request:fail timeout' });
    const error = await caught(getStationByCode('630202002214'));
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR', message: 'request:fail timeout', requestId: undefined });
  });

  it.each([
    [502, 'DEPENDENCY_UNAVAILABLE'],
    [503, 'DEPENDENCY_UNAVAILABLE'],
    [500, 'INTERNAL'],
    [404, 'NOT_FOUND'],
    [429, 'RATE_LIMITED'],
    [418, 'UNKNOWN'],
  ])('maps a %i without the contract body (a proxy page) to %s', async (status, code) => {
    answer(status, '<html>Bad Gateway</html>');
    expect(await caught(getStationByCode('630202002214'))).toMatchObject({ status, code });
  });

  it('rejects a 2xx whose body is not JSON', async () => {
    answer(200, null);
    expect((await caught(getStationByCode('630202002214'))).code).toBe('UNKNOWN');
  });
});

describe('request', () => {
  it('adds the query string and a JSON body', async () => {
    const spy = answer(201, { ok: true });
    await request('/things', { method: 'POST', query: { region: '63', limit: 5, cursor: undefined }, body: { a: 1 }, auth: false });
    const options = spy.mock.calls[0][0] as RequestOptions;
    expect(options.url).toBe('/api/things?region=63&limit=5');
    expect(options.data).toEqual({ a: 1 });
    expect(options.header).toMatchObject({ 'Content-Type': 'application/json' });
  });
});

const headerOf = (spy: jest.SpyInstance) => (spy.mock.calls[0][0] as RequestOptions).header as Record<string, string>;

describe('session in the API client', () => {
  it('sends the stored token as a Bearer header on authenticated calls', async () => {
    saveSession(loginAnswer({}, undefined, 'tok-1'));
    const spy = answer(200, officerMe);
    await expect(getMe()).resolves.toEqual(officerMe);
    const options = spy.mock.calls[0][0] as RequestOptions;
    expect(options.url).toBe('/api/me');
    expect(headerOf(spy).Authorization).toBe('Bearer tok-1');
  });

  it('does not send the token to public routes', async () => {
    saveSession(loginAnswer());
    const spy = answer(200, station);
    await getStationByCode('630202002214');
    expect(headerOf(spy).Authorization).toBeUndefined();
  });

  it('fails an authenticated call without a session before sending it', async () => {
    const spy = jest.spyOn(Taro, 'request');
    expect(await caught(getMe())).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(spy).not.toHaveBeenCalled();
  });

  it('does not send an expired token: the session is gone and the call fails as signed out', async () => {
    saveSession(loginAnswer({}, new Date(Date.now() - 1000).toISOString()));
    const spy = jest.spyOn(Taro, 'request');
    expect((await caught(getMe())).code).toBe('UNAUTHENTICATED');
    expect(spy).not.toHaveBeenCalled();
    expect(currentSession()).toBeUndefined();
  });

  it('clears the session on a 401 and tells the pages', async () => {
    saveSession(loginAnswer());
    const listener = jest.fn();
    const unsubscribe = onSessionChange(listener);
    answer(401, errorBody('UNAUTHENTICATED', 'expired'));
    expect((await caught(getMe())).code).toBe('UNAUTHENTICATED');
    expect(currentSession()).toBeUndefined();
    expect(listener).toHaveBeenCalledWith(undefined);
    unsubscribe();
  });

  it('keeps a newer session when the 401 answers a request sent with an older token', async () => {
    saveSession(loginAnswer({}, undefined, 'old'));
    jest.spyOn(Taro, 'request').mockImplementation((async () => {
      // The user signs in again while the request is on its way.
      saveSession(loginAnswer({}, undefined, 'new'));
      return { statusCode: 401, data: errorBody('UNAUTHENTICATED'), header: {} };
    }) as never);
    await caught(getMe());
    expect(currentSession()?.token).toBe('new');
  });

  it('keeps the session on other errors (403, 404, network)', async () => {
    saveSession(loginAnswer());
    answer(403, errorBody('FORBIDDEN'));
    await caught(getMe());
    answer(404, errorBody('NOT_FOUND'));
    await caught(removeOfficer('u1'));
    jest.spyOn(Taro, 'request').mockRejectedValue({ errMsg: 'request:fail' });
    await caught(getMe());
    expect(currentSession()).toBeDefined();
  });

  it('signIn posts the code without a token, stores the session and returns the answer', async () => {
    const login = loginAnswer({ role: 'province_admin', regionCode: '63' });
    const spy = answer(200, login);
    await expect(signIn('dev:admin-qinghai')).resolves.toEqual(login);
    const options = spy.mock.calls[0][0] as RequestOptions;
    expect([options.url, options.method, options.data]).toEqual(['/api/auth/login', 'POST', { code: 'dev:admin-qinghai' }]);
    expect(headerOf(spy).Authorization).toBeUndefined();
    expect(currentSession()?.user.role).toBe('province_admin');
  });

  it('a failed sign-in stores nothing', async () => {
    answer(401, errorBody('UNAUTHENTICATED'));
    expect((await caught(signIn('used-code'))).status).toBe(401);
    expect(currentSession()).toBeUndefined();
  });

  it('signOut forgets the session', () => {
    saveSession(loginAnswer());
    signOut();
    expect(currentSession()).toBeUndefined();
  });

  it('calls the officer routes with the right method, path and body', async () => {
    saveSession(loginAnswer({ role: 'county_admin', regionCode: '630202' }));
    const spy = answer(200, { user: { id: 'u1', role: 'officer' } });
    await appointOfficer('st1', { userId: 'u1' });
    await appointOfficer('st1', { accountCode: '12345678' });
    await removeOfficer('u/1');
    spy.mockResolvedValue({ statusCode: 200, data: { items: [], nextCursor: null }, header: {} } as never);
    await getStationOfficers('st1');
    const calls = spy.mock.calls.map(([options]) => {
      const { url, method, data } = options as RequestOptions;
      return [method, url, data];
    });
    expect(calls).toEqual([
      ['POST', '/api/admin/officers', { stationId: 'st1', userId: 'u1' }],
      ['POST', '/api/admin/officers', { stationId: 'st1', accountCode: '12345678' }],
      ['DELETE', '/api/admin/officers/u%2F1', undefined],
      ['GET', '/api/stations/st1/officers', undefined],
    ]);
  });
});

describe('station and region calls', () => {
  const urlOf = (spy: jest.SpyInstance) => (spy.mock.calls[0][0] as RequestOptions).url;

  it('lists by region, text or position, with paging, on the public routes', async () => {
    const spy = answer(200, { items: [], nextCursor: null });
    await listStations({ region: '630202002' });
    await listStations({ q: '土桥 村' }, { cursor: 'abc', limit: 20 });
    await listStations({ near: { lat: 36.48, lng: 102.4 } }, { limit: 20 });
    expect(spy.mock.calls.map(([options]) => (options as RequestOptions).url)).toEqual([
      '/api/stations?region=630202002',
      '/api/stations?limit=20&cursor=abc&q=%E5%9C%9F%E6%A1%A5%20%E6%9D%91',
      '/api/stations?limit=20&near=36.48%2C102.4',
    ]);
    for (const [options] of spy.mock.calls) expect((options as RequestOptions).header).not.toHaveProperty('Authorization');
  });

  it('rounds a position to six decimals, as the API accepts at most eight', () => {
    expect(nearParam({ lat: 36.480000123456, lng: 102.39999999 })).toBe('36.48,102.4');
    expect(nearParam({ lat: -29.6512345678, lng: 91.1 })).toBe('-29.651235,91.1');
  });

  it("GETs a region's children and a station by id", async () => {
    const spy = answer(200, {});
    await getRegionChildren('63');
    expect(urlOf(spy)).toBe('/api/regions/63/children');
    spy.mockClear();
    await getStationById(station.id);
    expect(urlOf(spy)).toBe(`/api/stations/${station.id}`);
  });

  it('sends the signed-in calls with the token: phone, edit, history, home station', async () => {
    saveSession(loginAnswer());
    const spy = answer(200, {});
    await getStationPhone(station.id);
    await updateStation(station.id, { phone: '13800138000' });
    await getStationHistory(station.id, { limit: 10, cursor: 'c1' });
    await setHomeStation(station.id);
    expect(
      spy.mock.calls.map(([options]) => [(options as RequestOptions).method, (options as RequestOptions).url, (options as RequestOptions).data]),
    ).toEqual([
      ['GET', `/api/stations/${station.id}/phone`, undefined],
      ['PATCH', `/api/stations/${station.id}`, { phone: '13800138000' }],
      ['GET', `/api/stations/${station.id}/history?limit=10&cursor=c1`, undefined],
      ['PUT', '/api/me/home-station', { stationId: station.id }],
    ]);
    for (const [options] of spy.mock.calls) expect((options as RequestOptions).header).toMatchObject({ Authorization: 'Bearer token-abc' });
  });

  it('keeps the details of an error (which fields), dropping malformed entries', async () => {
    saveSession(loginAnswer({ role: 'officer' }));
    answer(403, {
      error: {
        code: 'FORBIDDEN',
        message: 'Officers may change openingHours, location, phone',
        requestId: 'r2',
        details: [{ path: 'body.type', message: 'only an administrator may change this', code: 'forbidden_field' }, { path: 3 }, 'x'],
      },
    });
    const error = await caught(updateStation(station.id, { type: 'simple' }));
    expect(error.details).toEqual([{ path: 'body.type', message: 'only an administrator may change this', code: 'forbidden_field' }]);
  });
});
