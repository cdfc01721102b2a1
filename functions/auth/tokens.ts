/**
 * Session tokens: compact JWS with HS256, carrying only the user id (`sub`), audience and expiry.
 * Role, station and region are read from the user record on every request, so a token never
 * outlives a change of role.
 *
 * Verification accepts exactly one header ({"alg":"HS256","typ":"JWT"}): `alg: none`, RS/HS
 * confusion and unknown algorithms all fail before the signature is even compared.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../domain/errors';

export const TOKEN_AUDIENCE = 'yinong-api';
/** The contract's cap on a session: however the stage is configured, no token lives longer. */
export const MAX_TOKEN_TTL_SECONDS = 24 * 3600;
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

const sign = (input: string, secret: string) => createHmac('sha256', secret).update(input).digest('base64url');

export function issueToken(userId: string, secret: string, ttlSeconds: number, now = Date.now()) {
  const iat = Math.floor(now / 1000);
  const exp = iat + Math.min(ttlSeconds, MAX_TOKEN_TTL_SECONDS);
  const payload = Buffer.from(JSON.stringify({ sub: userId, aud: TOKEN_AUDIENCE, iat, exp })).toString('base64url');
  const unsigned = `${HEADER}.${payload}`;
  return { token: `${unsigned}.${sign(unsigned, secret)}`, expiresAt: new Date(exp * 1000).toISOString() };
}

/**
 * Returns the user id, or throws 401 UNAUTHENTICATED without saying which check failed. A token
 * claiming a lifetime over 24 h (exp - iat), or expiring more than 24 h from now, is refused even
 * when its signature is good: one issued by a misconfigured or older build does not get to live on.
 */
export function verifyToken(token: string, secret: string, now = Date.now()): string {
  const invalid = () => new AppError('UNAUTHENTICATED', 'The session token is invalid or expired: sign in again');
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) throw invalid();
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`, secret));
  const given = Buffer.from(parts[2]);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  let claims: { sub?: unknown; aud?: unknown; iat?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (claims.aud !== TOKEN_AUDIENCE || typeof claims.sub !== 'string' || typeof claims.iat !== 'number' || typeof claims.exp !== 'number')
    throw invalid();
  if (claims.exp * 1000 <= now) throw invalid();
  if (claims.exp - claims.iat > MAX_TOKEN_TTL_SECONDS || claims.exp * 1000 - now > MAX_TOKEN_TTL_SECONDS * 1000) throw invalid();
  return claims.sub;
}
