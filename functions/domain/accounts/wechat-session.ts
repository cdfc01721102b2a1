/**
 * WeChat's code2Session behind an interface: the real HTTP adapter, the local dev adapter and test
 * fakes all fill it. It returns the openid only: `session_key` stays inside the adapter.
 */
export interface WeChatSessionGateway {
  /** Throws AppError UNAUTHENTICATED (bad/used code), FORBIDDEN (blocked user), RATE_LIMITED or DEPENDENCY_UNAVAILABLE. */
  exchangeCode(code: string): Promise<{ openid: string; unionid?: string }>;
}
