/**
 * The WeChat Pay stub's sheets (the `devOnly` /dev/wechatpay/... routes) refuse outside a local stage even
 * when a bundle has the dev flag compiled in: defence in depth behind their events existing in local stages
 * only. They answer 404 before touching anything (no repository is given: any use would fail otherwise).
 */
import { confirmPayLinkStub } from '../../../functions/adapters/pay-link-stub-sheet';
import { confirmStubPayment, deliverStubRefund, stubSheetEnabled } from '../../../functions/adapters/wechat-pay-stub-sheet';
import type { Caller } from '../../../functions/auth/caller';
import { resetConfigForTests } from '../../../functions/config';

const saved = { ...process.env };
const caller = { userId: 'u-1', role: 'buyer' } as Caller;

function stage(name: string, devLogin: 'enabled' | 'disabled') {
  process.env.STAGE = name;
  process.env.YINONG_DEV_LOGIN = devLogin;
  process.env.BILL_PROVIDER = name === 'prod' ? 'none' : 'sandbox';
  resetConfigForTests();
}

afterEach(() => {
  process.env = { ...saved };
  resetConfigForTests();
});

describe('the stub payment sheets outside local stages', () => {
  it.each(['prod', 'staging'])('%s, even with the dev flag compiled in: disabled, 404 before any read, no refund delivered', async (name) => {
    stage(name, 'enabled');
    expect(stubSheetEnabled()).toBe(false);
    await expect(confirmStubPayment({} as never, caller, 'o-1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(confirmPayLinkStub({} as never, caller, 'token', 'zh-CN')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await deliverStubRefund({} as never, 'o-1')).toBeNull();
  });

  it('a local stage without the dev flag: disabled too; with it: enabled (the guard can pass)', () => {
    stage('local', 'disabled');
    expect(stubSheetEnabled()).toBe(false);
    stage('test', 'enabled');
    expect(stubSheetEnabled()).toBe(true);
  });
});
