import type { ErrorCode, ErrorDetail } from '../../shared';

/**
 * A failure the caller can act on. The HTTP pipeline maps `code` to a status through the shared
 * ERROR_STATUS table; anything that is not an AppError becomes a generic 500.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** Seconds a client should wait before retrying (429/503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);

export const invalidField = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', `Invalid request: ${path} ${message}`, [{ path, message, code: 'invalid' }]);
