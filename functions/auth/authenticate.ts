import { AppError } from '../domain/errors';
import type { Caller } from './caller';

/**
 * Resolves the caller of a non-public route from its `Authorization` header, or throws 401.
 * Sign-in arrives with the accounts issue; until then no token is valid.
 */
export async function authenticate(authorization: string | undefined): Promise<Caller> {
  if (!authorization) throw new AppError('UNAUTHENTICATED', 'Sign in first: this route needs a bearer token');
  throw new AppError('UNAUTHENTICATED', 'The token is not valid');
}
