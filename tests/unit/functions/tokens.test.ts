import { createHmac } from 'node:crypto';
import { issueToken, MAX_TOKEN_TTL_SECONDS, TOKEN_AUDIENCE, verifyToken } from '../../../functions/auth/tokens';
import { readSettings } from '../../../functions/config';
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

  describe('the 24 h cap', () => {
    const DAY = 24 * 3600;

    it('is 24 h', () => expect(MAX_TOKEN_TTL_SECONDS).toBe(DAY));

    it('caps a token issued for longer: 48 h asked, 24 h given, and it verifies', () => {
      const issuedAt = Date.now();
      const { token, expiresAt } = issueToken('u1', SECRET, 2 * DAY, issuedAt);
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      expect(claims.exp - claims.iat).toBe(DAY);
      expect(new Date(expiresAt).getTime()).toBeLessThanOrEqual(issuedAt + DAY * 1000);
      expect(verifyToken(token, SECRET, issuedAt)).toBe('u1');
    });

    it('refuses a well-signed token claiming more than 24 h, by its own claims or from now', () => {
      expect(verifyToken(signWith(SECRET, header, { sub: 'u1', aud: TOKEN_AUDIENCE, iat: now, exp: now + DAY }), SECRET)).toBe('u1');
      expect401(signWith(SECRET, header, { sub: 'u1', aud: TOKEN_AUDIENCE, iat: now, exp: now + DAY + 1 }));
      expect401(signWith(SECRET, header, { sub: 'u1', aud: TOKEN_AUDIENCE, iat: now, exp: now + 365 * DAY }));
      // iat in the future to hide a long life behind a short exp - iat: still more than 24 h from now.
      expect401(signWith(SECRET, header, { sub: 'u1', aud: TOKEN_AUDIENCE, iat: now + 30 * DAY, exp: now + 30 * DAY + 3600 }));
      // no iat at all: the lifetime cannot be checked.
      expect401(signWith(SECRET, header, { sub: 'u1', aud: TOKEN_AUDIENCE, exp: now + 3600 }));
    });

    it('caps a configuration asking for more (TOKEN_TTL_SECONDS), and refuses one that is not a positive number', () => {
      const env = { ...process.env, STAGE: 'test', TABLE_NAME: 't', TOKEN_TTL_SECONDS: undefined };
      expect(readSettings({ ...env, TOKEN_TTL_SECONDS: String(7 * DAY) }).tokenTtlSeconds).toBe(DAY);
      expect(readSettings({ ...env, TOKEN_TTL_SECONDS: '3600' }).tokenTtlSeconds).toBe(3600);
      expect(readSettings(env).tokenTtlSeconds).toBe(12 * 3600);
      for (const bad of ['abc', '0', '-5', '1.5']) expect(() => readSettings({ ...env, TOKEN_TTL_SECONDS: bad })).toThrow(/TOKEN_TTL_SECONDS/);
    });
  });
});
