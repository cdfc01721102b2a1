import { randomBytes } from 'node:crypto';
import type { LoginResponse } from '../../../shared';
import { AppError } from '../errors';
import { toUserProfile, type User, type UserRepository } from './user';
import type { WeChatSessionGateway } from './wechat-session';

export const newUserId = () => 'u' + randomBytes(10).toString('hex');

export interface TokenIssuer {
  issue(userId: string): { token: string; expiresAt: string };
}

/** Who WeChat says this is -> our user (created as a villager on first login) -> a session token. */
export async function login(
  deps: { wechat: WeChatSessionGateway; users: UserRepository; tokens: TokenIssuer; now?: () => Date },
  code: string,
): Promise<LoginResponse> {
  const { openid } = await deps.wechat.exchangeCode(code);
  const now = (deps.now?.() ?? new Date()).toISOString();
  const user =
    (await deps.users.getByOpenid(openid)) ??
    (await deps.users.createForOpenid({ id: newUserId(), openid, role: 'villager', status: 'active', createdAt: now, updatedAt: now }));
  assertActive(user);
  const { token, expiresAt } = deps.tokens.issue(user.id);
  return { token, expiresAt, user: toUserProfile(user) };
}

export function assertActive(user: User): void {
  if (user.status === 'blocked') throw new AppError('FORBIDDEN', 'This account is blocked');
}
