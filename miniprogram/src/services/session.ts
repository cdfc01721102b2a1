import type { Role } from '@shared/roles';

export interface SessionUser {
  id: string;
  role: Role;
  stationId?: string;
  regionCode?: string;
}

/**
 * The signed-in user, if any. Sign-in (POST /auth/login with wx.login's code) arrives in a later
 * issue; until then nobody is signed in and role-gated pages show their sign-in prompt.
 */
export function currentUser(): SessionUser | undefined {
  return undefined;
}
