import { config } from '../config';
import { dynamoUserRepository } from '../data/users-repository';
import { assertActive } from '../domain/accounts/login';
import { AppError } from '../domain/errors';
import type { Caller } from './caller';
import { verifyToken } from './tokens';

const BEARER = /^Bearer ([A-Za-z0-9_.-]{1,2048})$/;

/**
 * The caller of a non-public route: token -> user id -> the user record, read now, so a role change
 * or an officer's removal takes effect on the very next request.
 */
export async function authenticate(authorization: string | undefined): Promise<Caller> {
  if (!authorization) throw new AppError('UNAUTHENTICATED', 'Sign in first: this route needs a bearer token');
  const match = BEARER.exec(authorization.trim());
  if (!match) throw new AppError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>"');
  const userId = verifyToken(match[1], config().tokenSecret);
  const user = await dynamoUserRepository.get(userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'The session token is invalid or expired: sign in again');
  assertActive(user);
  return {
    userId: user.id,
    role: user.role,
    ...(user.stationId ? { stationId: user.stationId } : {}),
    ...(user.regionCode ? { regionCode: user.regionCode } : {}),
    ...(user.householdId ? { householdId: user.householdId } : {}),
    ...(user.role === 'expert' && user.expertField ? { expertField: user.expertField } : {}),
  };
}
