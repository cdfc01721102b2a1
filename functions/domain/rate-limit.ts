/** Throws AppError RATE_LIMITED (with a retry hint) once `bucket` saw `limit` calls in its window. */
export type RateLimiter = (bucket: string, limit: number, windowSeconds: number) => Promise<void>;
