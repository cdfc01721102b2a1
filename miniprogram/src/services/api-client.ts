import Taro from '@tarojs/taro';
import type { ErrorCode } from '@shared/errors';
import { getLocale } from '../i18n';
import { ApiError, type ApiErrorDetail } from './api-error';
import { withQuery } from './main-routes';
import { clearSession, currentSession } from './session';

export { ApiError, isApiError } from './api-error';
export type { ApiErrorDetail, ClientErrorCode } from './api-error';

/**
 * The one API client of the mini-program: how every call is made (base URL, token, errors). The
 * endpoints are spelled beside it by audience: api-main.ts (what the main package's pages call:
 * scan -> station, and 我的) and api.ts (the rest, for the subpackages; it re-exports both). Split so
 * that the main package a villager downloads on the first scan carries neither the staff's nor
 * the finder's endpoints. Only types come from @shared (no zod in the bundle): the server
 * validates, the client trusts the contract's shapes.
 *
 * Base URL: TARO_APP_API_BASE at build time (.env.* files or the shell), else per platform:
 * H5 calls the relative `/api`, which the static web server (scripts/web-server.ts) proxies to the
 * API, so the build works on any host and port; the mini-program calls the local stack directly
 * (WeChat DevTools with "不校验合法域名").
 */
export function apiBase(): string {
  const configured = process.env.TARO_APP_API_BASE;
  if (configured) return configured.replace(/\/+$/, '');
  return process.env.TARO_ENV === 'h5' ? '/api' : 'http://127.0.0.1:3000';
}

/**
 * Per attempt. A read gives up sooner (it is retried, and the page may show what it cached); a
 * write waits longer, since giving up on a write the server may still finish helps nobody.
 */
const READ_TIMEOUT_MS = 8_000;
const WRITE_TIMEOUT_MS = 20_000;
/**
 * Retries after the first attempt, for calls safe to repeat (see `mayRetry`). The page tests set it
 * to 0 (tests/stubs/no-retries.ts): they show what a page does once a call has failed for good;
 * tests/unit/miniprogram/api-retry.test.ts tests the retries themselves.
 */
export const retryPolicy = { retries: 2 };

/**
 * The wait before retry `attempt` (0-based): 600 ms doubling, capped at 5 s, with "equal jitter"
 * (half fixed, half random) so that phones that lost the same cell tower do not all come back at
 * the same instant.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(5_000, 600 * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}

/**
 * Worth another try within seconds: no answer at all, or a gateway's "not now". Not a 429: its
 * allowances (a phone number's reveals per hour) outlast any backoff, and a retry would spend them.
 */
const transient = (status: number) => status === 0 || status === 502 || status === 503 || status === 504;

export type Query = Record<string, string | number | undefined>;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /**
   * true (default): the route needs the signed-in user; the session's token goes along as
   * `Authorization: Bearer`, a call without a session fails with UNAUTHENTICATED before it is
   * sent, and a 401 answer signs the user out. false: a public route, no token is sent.
   */
  auth?: boolean;
  /** Extra headers, e.g. `Idempotency-Key` of a money-moving POST. */
  headers?: Record<string, string>;
}

/** A code for an error answer that does not carry the contract's body (e.g. a proxy's HTML page). */
export function codeForStatus(status: number): ErrorCode | 'UNKNOWN' {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status > 0 && transient(status)) return 'DEPENDENCY_UNAVAILABLE';
  if (status >= 500) return 'INTERNAL';
  return 'UNKNOWN';
}

interface ErrorEnvelope {
  error: { code: string; message: string; requestId?: string; details?: unknown };
}

/** The details worth keeping: entries with a string path and message; anything else is dropped. */
function detailsOf(raw: unknown): ApiErrorDetail[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { path, message, code, existing } = entry as Record<string, unknown>;
    if (typeof path !== 'string' || typeof message !== 'string') return [];
    const found = existingOf(existing);
    return [{ path, message, ...(typeof code === 'string' ? { code } : {}), ...(found ? { existing: found } : {}) }];
  });
}

/** What a 409 ran into (a household registered already), when the server names it. */
function existingOf(raw: unknown): ApiErrorDetail['existing'] {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { id, label, phoneMasked } = raw as Record<string, unknown>;
  if (typeof id !== 'string' || typeof label !== 'string') return undefined;
  return { id, label, phoneMasked: typeof phoneMasked === 'string' ? phoneMasked : null };
}

function isErrorEnvelope(data: unknown): data is ErrorEnvelope {
  if (typeof data !== 'object' || data === null) return false;
  const error = (data as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** Maps a non-2xx answer to an ApiError, trusting the body only when it has the contract's shape. */
export function toApiError(status: number, data: unknown): ApiError {
  if (isErrorEnvelope(data)) {
    const { code, message, requestId, details } = data.error;
    return new ApiError({
      status,
      code,
      message,
      requestId: typeof requestId === 'string' ? requestId : undefined,
      details: detailsOf(details),
    });
  }
  return new ApiError({ status, code: codeForStatus(status), message: `HTTP ${status}` });
}

function toNetworkError(cause: unknown): ApiError {
  const detail =
    typeof cause === 'object' && cause !== null && 'errMsg' in cause
      ? String((cause as { errMsg: unknown }).errMsg)
      : cause instanceof Error
        ? cause.message
        : 'request failed';
  return new ApiError({ status: 0, code: 'NETWORK_ERROR', message: detail });
}

function signedOutError(): ApiError {
  return new ApiError({ status: 401, code: 'UNAUTHENTICATED', message: 'not signed in' });
}

/** The Bearer header of the stored session, or UNAUTHENTICATED before anything is sent. */
export function authHeader(): { Authorization: string } {
  const token = currentSession()?.token;
  if (!token) throw signedOutError();
  return { Authorization: `Bearer ${token}` };
}

/** The full URL of an API path (for downloads that do not go through `request`). */
export function apiUrl(path: string, query?: Query): string {
  return withQuery(apiBase() + path, query);
}

/**
 * A GET repeats harmlessly; a write only with its Idempotency-Key (the server answers a replay with
 * the first answer). A payment without its key is never sent twice.
 */
const mayRetry = (method: string, headers?: Record<string, string>) => method === 'GET' || Boolean(headers?.['Idempotency-Key']);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const retries = mayRetry(options.method ?? 'GET', options.headers) ? retryPolicy.retries : 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await requestOnce<T>(path, options);
    } catch (error) {
      if (attempt >= retries || !transient((error as ApiError).status)) throw error;
      await pause(backoffMs(attempt));
    }
  }
}

async function requestOnce<T>(path: string, options: RequestOptions): Promise<T> {
  const { method = 'GET', query, body, auth = true, headers } = options;
  // The server answers its own texts (errors, posters, CSV headers) in the language the user reads.
  const header: Record<string, string> = { Accept: 'application/json', 'Accept-Language': getLocale(), ...headers };
  if (body !== undefined) header['Content-Type'] = 'application/json';
  // Read per request: the session may have expired or changed since the page was opened.
  const token = auth ? currentSession()?.token : undefined;
  if (auth && !token) throw signedOutError();
  if (token) header.Authorization = `Bearer ${token}`;
  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url: apiUrl(path, query),
      method,
      data: body,
      header,
      dataType: 'json',
      timeout: method === 'GET' ? READ_TIMEOUT_MS : WRITE_TIMEOUT_MS,
    });
  } catch (cause) {
    throw toNetworkError(cause);
  }
  const { statusCode, data } = response;
  // The server no longer accepts this token (expired, user gone, secret rotated): sign out, so
  // every page shows the signed-out state instead of failing call after call.
  if (statusCode === 401 && token) clearSession(token);
  if (statusCode >= 200 && statusCode < 300) {
    // A 2xx whose body is not JSON (a misrouted HTML page) is not an answer of the API.
    if (statusCode !== 204 && (typeof data !== 'object' || data === null)) {
      throw new ApiError({ status: statusCode, code: 'UNKNOWN', message: 'response is not JSON' });
    }
    return data as T;
  }
  throw toApiError(statusCode, data);
}
