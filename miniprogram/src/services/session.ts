import Taro from '@tarojs/taro';
import type { Role } from '@shared/roles';
import type { LoginResponse, UserProfile } from '@shared/schemas/accounts';

/** The user as the server last described them. A hint for links and labels, never for access. */
export type SessionUser = UserProfile;

export interface Session {
  token: string;
  /** ISO time the server gave; the token is not sent after it. */
  expiresAt: string;
  user: SessionUser;
}

/**
 * The signed-in session, kept in Taro storage (wx storage / localStorage on H5) so it survives a
 * restart of the mini-program. Role, station and region are decided by the server on every request:
 * the stored `user` only labels the UI until the next `GET /me` refreshes it.
 *
 * Pages learn of sign-in, sign-out and a 401 from any call through `onSessionChange`.
 */
export const SESSION_STORAGE_KEY = 'yinong.session';

/** A token this close to its expiry is treated as expired: the request would race the clock. */
const EXPIRY_MARGIN_MS = 60_000;

type Listener = (session: Session | undefined) => void;
const listeners = new Set<Listener>();

function notify(session: Session | undefined): void {
  for (const listener of Array.from(listeners)) listener(session);
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const { token, expiresAt, user } = value as Partial<Session>;
  return (
    typeof token === 'string' &&
    token !== '' &&
    typeof expiresAt === 'string' &&
    typeof user === 'object' &&
    user !== null &&
    typeof user.id === 'string' &&
    typeof user.role === 'string'
  );
}

function isExpired(session: Session, now: number): boolean {
  const expires = Date.parse(session.expiresAt);
  return Number.isNaN(expires) || expires - EXPIRY_MARGIN_MS <= now;
}

function readStored(): unknown {
  try {
    return Taro.getStorageSync(SESSION_STORAGE_KEY);
  } catch {
    return undefined;
  }
}

function removeStored(): void {
  try {
    Taro.removeStorageSync(SESSION_STORAGE_KEY);
  } catch {
    // Storage unavailable (private mode, quota): nothing is kept, so nothing to remove.
  }
}

/**
 * The stored session if it is still valid. An expired or malformed one is removed (and listeners
 * hear of it), so every caller sees the same signed-out state.
 */
export function currentSession(now: number = Date.now()): Session | undefined {
  const stored = readStored();
  if (stored === undefined || stored === null || stored === '') return undefined;
  if (isSession(stored) && !isExpired(stored, now)) return stored;
  removeStored();
  notify(undefined);
  return undefined;
}

export function currentUser(): SessionUser | undefined {
  return currentSession()?.user;
}

export function sessionToken(): string | undefined {
  return currentSession()?.token;
}

/** Stores what `POST /auth/login` answered. */
export function saveSession(login: LoginResponse): Session {
  const session: Session = { token: login.token, expiresAt: login.expiresAt, user: login.user };
  Taro.setStorageSync(SESSION_STORAGE_KEY, session);
  notify(session);
  return session;
}

/** Keeps the stored labels in step with the server's latest word (from `GET /me`). */
export function updateSessionUser(user: SessionUser): void {
  const session = currentSession();
  if (!session || session.user.id !== user.id) return;
  const same =
    session.user.role === user.role &&
    session.user.stationId === user.stationId &&
    session.user.regionCode === user.regionCode &&
    session.user.name === user.name &&
    session.user.homeStationId === user.homeStationId;
  if (same) return;
  const next: Session = { ...session, user };
  Taro.setStorageSync(SESSION_STORAGE_KEY, next);
  notify(next);
}

/**
 * Signs out. With `token`, only if the stored session is still that one: a 401 for an old token
 * must not sign out a user who has signed in again meanwhile.
 */
export function clearSession(token?: string): void {
  const stored = readStored();
  if (token !== undefined && isSession(stored) && stored.token !== token) return;
  const had = stored !== undefined && stored !== null && stored !== '';
  removeStored();
  if (had) notify(undefined);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function hasRole(user: Pick<SessionUser, 'role'> | undefined, roles: readonly Role[]): boolean {
  return user !== undefined && roles.includes(user.role);
}
