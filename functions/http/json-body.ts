import { AppError } from '../domain/errors';

/** Keys that could reach an object's prototype if a body were ever merged into another object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const MAX_BODY_BYTES = 16 * 1024;

export function parseJsonBody(raw: string): unknown {
  try {
    return JSON.parse(raw, (key, value) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKeyError(key);
      return value;
    });
  } catch (error) {
    if (error instanceof ForbiddenKeyError) {
      throw new AppError('INVALID_JSON', `The body may not contain the key "${error.key}"`, [
        { path: 'body', message: `key "${error.key}" is not allowed`, code: 'forbidden_key' },
      ]);
    }
    throw new AppError('INVALID_JSON', `The body is not valid JSON: ${(error as Error).message}`);
  }
}

class ForbiddenKeyError extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;.*)?$/i;

export const isJsonContentType = (contentType: string | undefined) => contentType !== undefined && JSON_MEDIA_TYPE.test(contentType.trim());
