/**
 * Local stages only: `dev:<openid>` signs in as that openid without WeChat, so the H5 build and the
 * tests can act as any user. Bundles of deployed stages do not contain this file (esbuild drops it:
 * see adapters/wechat-gateway.ts), and it refuses to run outside a local stage anyway.
 */
import { isLocalStage } from '../config';
import type { WeChatSessionGateway } from '../domain/accounts/wechat-session';
import { AppError } from '../domain/errors';

const DEV_CODE = /^dev:([A-Za-z0-9_-]{1,64})$/;

export function withDevLogin(real: WeChatSessionGateway, stage: string): WeChatSessionGateway {
  if (!isLocalStage(stage)) throw new Error(`The dev login cannot be enabled in stage ${stage}`);
  return {
    async exchangeCode(code) {
      if (!code.startsWith('dev:')) return real.exchangeCode(code);
      const match = DEV_CODE.exec(code);
      if (!match) throw new AppError('UNAUTHENTICATED', 'A dev login code is dev:<openid> (letters, digits, _ and -)');
      return { openid: match[1] };
    },
  };
}
