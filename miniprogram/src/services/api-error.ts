import type { ErrorCode } from '@shared/errors';

/** Codes the client can meet: the API's stable codes plus what only the client sees. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'WECHAT_LOGIN_FAILED';

/**
 * One error type for everything the API client can fail with. `code` is typed loosely on purpose:
 * a newer server may send a code this build does not know yet (it falls back to a generic text).
 *
 * The fields are declared in this interface (merged with the class), not as class fields: babel
 * compiles class fields to its defineProperty helper, ~0.8 KB of the main package with this class
 * its only user there (babel-preset-taro runs the class-properties transform before TypeScript's,
 * so `declare` fields do not build).
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- types only: the constructor sets every field */
export interface ApiError {
  readonly status: number;
  readonly code: ClientErrorCode | (string & {});
  readonly requestId: string | undefined;
  /** Which fields a 400 or 403 was about (`body.type`, `query.near`), when the server says. */
  readonly details: ApiErrorDetail[];
}

export class ApiError extends Error {
  constructor(init: { status: number; code: string; message: string; requestId?: string; details?: ApiErrorDetail[] }) {
    super(init.message);
    this.name = 'ApiError';
    Object.assign(this, { status: init.status, code: init.code, requestId: init.requestId, details: init.details ?? [] });
  }
}
/* eslint-enable @typescript-eslint/no-unsafe-declaration-merging */

/** One entry of the contract's `error.details` (shared/schemas/common.ts ErrorBody). */
export interface ApiErrorDetail {
  path: string;
  message: string;
  code?: string;
  /** What the request ran into, offered instead (a household registered already). */
  existing?: { id: string; label: string; phoneMasked: string | null };
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
