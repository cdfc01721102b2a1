import type { ErrorCode } from '@shared/errors';

/** Codes the client can meet: the API's stable codes plus what only the client sees. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'WECHAT_LOGIN_FAILED';

/**
 * One error type for everything the API client can fail with. `code` is typed loosely on purpose:
 * a newer server may send a code this build does not know yet (it falls back to a generic text).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode | (string & {});
  readonly requestId: string | undefined;

  constructor(init: { status: number; code: string; message: string; requestId?: string }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
