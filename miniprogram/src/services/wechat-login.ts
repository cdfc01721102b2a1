import Taro from '@tarojs/taro';
import { ApiError } from './api-error';

/**
 * A fresh `wx.login` code (valid about five minutes, once). The server exchanges it with WeChat;
 * the openid never comes from the client.
 */
export async function wechatLoginCode(): Promise<string> {
  let result: { code?: string; errMsg?: string };
  try {
    result = await Taro.login();
  } catch (cause) {
    const detail = typeof cause === 'object' && cause !== null && 'errMsg' in cause ? String(cause.errMsg) : 'login failed';
    throw new ApiError({ status: 0, code: 'WECHAT_LOGIN_FAILED', message: detail });
  }
  if (!result.code) throw new ApiError({ status: 0, code: 'WECHAT_LOGIN_FAILED', message: result.errMsg ?? 'no code' });
  return result.code;
}

/** The dev adapter of local stages accepts `dev:<openid>` with this openid (functions/adapters/dev-login.ts). */
export const DEV_OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Whether this build offers the dev sign-in field: `TARO_APP_DEV_LOGIN` at build time
 * (miniprogram/config/index.ts: on by default for H5 only; a build for deployment sets it empty).
 * The server refuses dev codes outside local stages whatever the client shows.
 */
export function devLoginEnabled(): boolean {
  return process.env.TARO_APP_DEV_LOGIN === '1';
}
