/**
 * Stable error codes of the HTTP API (api-contract.md). Clients map them to text in their i18n
 * catalogue, so a code never changes meaning once released.
 */
export const ERROR_STATUS = {
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  VALIDATION_FAILED: 400,
  IDEMPOTENCY_KEY_MISSING: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  OUT_OF_STOCK: 409,
  DAY_CLOSED: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  /** A training session has no seat left (its capacity is a DynamoDB condition). */
  TRAINING_FULL: 409,
  /** A check-in outside the session's window (30 minutes before its start to its end), or of a cancelled session. */
  CHECKIN_CLOSED: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  /** An uploaded file is not what it was declared (not a JPEG/PNG/WebP by its bytes), or was never uploaded. */
  INVALID_IMAGE: 422,
  RATE_LIMITED: 429,
  LIMIT_EXCEEDED: 429,
  INTERNAL: 500,
  DEPENDENCY_UNAVAILABLE: 503,
  /** The stage has no bill provider it may pay with (none named, or the sandbox in prod). */
  PROVIDER_NOT_CONFIGURED: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];
