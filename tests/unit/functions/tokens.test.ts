import { createHmac } from 'node:crypto';
import { issueToken, TOKEN_AUDIENCE, verifyToken } from '../../../functions/auth/tokens';
import { AppError } from '../../../functions/domain/errors';

const SECRET = 'unit-test-secret';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const signWith = (secret: string, header: unknown, payload: unknown) => {
  const unsigned = `${b64(header)}.${b64(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
};
const expect401 = (token: string) => {
  let error: unknown;
  try {
    verifyToken(token, SECRET);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('UNAUTHENTICATED');
};
const now = Math.floor(Date.now() / 1000);
const header = { alg: 'HS256', typ: 'JWT' };

describe('session tokens (AU4)', () => {
  it('carry only the user id, audience and expiry, at most 24 h ahead', () => {
    const { token, expiresAt } = issueToken('u1', SECRET, 12 * 3600);
    expect(verifyToken(token, SECRET)).toBe('u1');
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'iat', 'sub']);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600 * 1000);
  });

  it('reject a tampered payload', () => {
    const [h, , s] = issueToken('u1', SECRET, 3600).token.split('.');
    expect401(`${h}.${b64({ sub: 'u-admin', aud: TOKEN_AUDIENCE, iat: now, exp: now + 3600 })}.${s}`);
  });

  it('reject a token signed with another key', () => {
    expect401(signWith('another-secret', header, { sub: 'u1', aud: TOKEN_AUDIENCE, iat: now, exp: now + 3600 }));
  });

  it('reject alg none, with or without a signature, and other algorithms', () => {
    const payload = { sub: 'u1', aud: TOKEN_AUDIENCE, iat: now, exp: now + 3600 };
    expect401(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`);
    expect401(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}`);
    expect401(signWith(SECRET, { alg: 'HS512', typ: 'JWT' }, payload));
    expect401(signWith(SECRET, { alg: 'hs256', typ: 'JWT' }, payload));
  });

  it('reject an expired token and a wrong audience', () => {
    expect401(signWith(SECRET, header, { sub: 'u1', aud: TOKEN_AUDIENCE, iat: now - 7200, exp: now - 1 }));
    expect401(signWith(SECRET, header, { sub: 'u1', aud: 'another-api', iat: now, exp: now + 3600 }));
    expect401(signWith(SECRET, header, { sub: 'u1', iat: now, exp: now + 3600 }));
  });

  it('reject garbage', () => {
    for (const token of ['', 'a.b', 'a.b.c.d', '...', 'not-a-token']) expect401(token);
  });
});
