import { t } from '../i18n';
import { ApiError, isApiError } from './api-error';

/** Anything a call can throw, as an ApiError (a bug in our code reads as UNKNOWN). */
export function toApiErrorLike(error: unknown): ApiError {
  if (isApiError(error)) return error;
  return new ApiError({ status: 0, code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error) });
}

/**
 * Whether the user closed a sheet or dialog (share, pick) rather than it failing. WeChat rejects
 * with a plain object `{ errMsg: 'showShareImageMenu:fail cancel' }`, not an Error.
 */
export function isCancelled(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { errMsg, message } = error as { errMsg?: unknown; message?: unknown };
  const text = typeof errMsg === 'string' ? errMsg : typeof message === 'string' ? message : '';
  return /cancel/i.test(text);
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

/**
 * The body fields a 400 VALIDATION_FAILED names (`body.headName`, `body.members.0.name` give
 * `headName`, `members`), so a form can word the error at the field instead of a generic line.
 */
export function invalidBodyFields(error: ApiError): string[] {
  if (error.code !== 'VALIDATION_FAILED') return [];
  const fields = error.details.map((detail) => detail.path.split('.')).filter((parts) => parts[0] === 'body' && parts[1]);
  return [...new Set(fields.map((parts) => parts[1]))];
}
