import { t } from '../i18n';
import { ApiError, isApiError } from './api-error';

/** Anything a call can throw, as an ApiError (a bug in our code reads as UNKNOWN). */
export function toApiErrorLike(error: unknown): ApiError {
  if (isApiError(error)) return error;
  return new ApiError({ status: 0, code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error) });
}

/**
 * The request id worth showing: for server-side failures (5xx) and unknown ones, which support
 * looks up in the logs. An expected refusal (4xx) explains itself and needs none.
 */
export function supportId(error: ApiError): string | undefined {
  return error.status >= 500 || error.code === 'UNKNOWN' ? error.requestId : undefined;
}

/** The small print under an error: the request id support can look up, when there is one. */
export function requestNote(requestId: string | undefined): string | undefined {
  return requestId ? t('state.requestId', { id: requestId }) : undefined;
}
