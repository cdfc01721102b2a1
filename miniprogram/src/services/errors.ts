import { ApiError, isApiError } from './api-error';

/** Anything a call can throw, as an ApiError (a bug in our code reads as UNKNOWN). */
export function toApiErrorLike(error: unknown): ApiError {
  if (isApiError(error)) return error;
  return new ApiError({ status: 0, code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error) });
}
