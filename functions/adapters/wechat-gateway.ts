import { config } from '../config';
import type { WeChatSessionGateway } from '../domain/accounts/wechat-session';
import { withDevLogin } from './dev-login';
import { createCode2SessionGateway } from './wechat-code2session';

let gateway: WeChatSessionGateway | undefined;

/**
 * The code2Session gateway of this stage. `process.env.YINONG_DEV_LOGIN` is replaced at bundle time
 * (serverless.yml, custom.esbuild.define): for deployed stages it becomes "disabled", the branch is
 * dead code and esbuild leaves adapters/dev-login.ts out of the bundle entirely
 * (tests/integration/prod-package.test.ts checks the packaged prod stage).
 */
export function wechatGateway(): WeChatSessionGateway {
  if (!gateway) {
    const { wechat, stage } = config();
    const real = createCode2SessionGateway(wechat);
    gateway = process.env.YINONG_DEV_LOGIN === 'enabled' ? withDevLogin(real, stage) : real;
  }
  return gateway;
}

export function resetWechatGatewayForTests(): void {
  gateway = undefined;
}
