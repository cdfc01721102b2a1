/**
 * Every call to a bill provider is bounded in time: a provider that hangs must not hold a request
 * (or the settler's whole run) until the Lambda is killed. What a missing answer means depends on
 * the call: a lookup answers 503, a payment or status stays UNKNOWN (settled later), a cancel
 * leaves the void VOIDING (finished later).
 */
export const PROVIDER_TIMEOUT_MS = 5_000;

/** `work`'s result, or `onTimeout()`'s (a value, or a throw) when it has not settled within `timeoutMs`. */
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(onTimeout());
      } catch (error) {
        reject(error);
      }
    }, timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
