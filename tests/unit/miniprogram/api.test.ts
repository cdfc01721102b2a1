/** @jest-environment jsdom */
import Taro from '@tarojs/taro';
import { ApiError, apiBase, getStationByCode, request } from '../../../miniprogram/src/services/api';
import { errorBody, station } from './fixtures';

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
    await request('/things', { method: 'POST', query: { region: '63', limit: 5, cursor: undefined }, body: { a: 1 } });
    const options = spy.mock.calls[0][0] as RequestOptions;
    expect(options.url).toBe('/api/things?region=63&limit=5');
    expect(options.data).toEqual({ a: 1 });
    expect(options.header).toMatchObject({ 'Content-Type': 'application/json' });
  });
});
