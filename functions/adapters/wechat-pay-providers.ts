/**
 * The WeChat Pay provider the stage pays orders with: the local stub where the stage allows sandbox
 * providers (BILL_PROVIDER=sandbox: local and test stages, and staging), none otherwise (503
 * PROVIDER_NOT_CONFIGURED, after the access check and before anything is written). The real v3 client
 * plugs in here behind the same interface (functions/domain/market/wechat-pay.ts).
 */
import { config } from '../config';
import { getOrCreateStubKeys } from '../data/wechat-pay-stub-keys';
import { dynamoStubTradeBook } from '../data/wechat-pay-stub-book';
import { AppError } from '../domain/errors';
import type { PaymentDeps } from '../domain/market/order-payment';
import { billProviderModeNow } from './bill-providers';
import { createWechatPayStub, newStubKeyMaterial } from './wechat-pay-stub';

let stub: Promise<ReturnType<typeof createWechatPayStub>> | undefined;

/** The stub of this stage, its keys and books shared through the table (every process verifies what any signed, sees what any paid). */
export function wechatPayStub() {
  stub ??= getOrCreateStubKeys(newStubKeyMaterial)
    .then((material) => createWechatPayStub(material, dynamoStubTradeBook))
    .catch((error: unknown) => {
      stub = undefined;
      throw error;
    });
  return stub;
}

export async function wechatPayProvider(): Promise<Pick<PaymentDeps, 'provider' | 'keys' | 'merchant'> & { mode: 'stub' }> {
  if (billProviderModeNow() !== 'sandbox')
    throw new AppError('PROVIDER_NOT_CONFIGURED', 'This stage has no payment provider for orders yet', undefined, 60);
  const { provider, keys } = await wechatPayStub();
  return {
    mode: 'stub',
    provider,
    keys,
    merchant: { appid: config().wechat.appId, mchid: '1900000001', notifyUrl: '/webhooks/wechatpay' },
  };
}

/**
 * Everything the orders domain needs to close and query provider orders in this stage, or null in a
 * stage without a provider (no order can have been prepaid there: nothing to close, nothing to query).
 */
export async function stagePaymentDeps(base: Pick<PaymentDeps, 'orders' | 'openidOf' | 'languageOf' | 'alert'>): Promise<PaymentDeps | null> {
  try {
    return { ...(await wechatPayProvider()), ...base };
  } catch (error) {
    if (error instanceof AppError && error.code === 'PROVIDER_NOT_CONFIGURED') return null;
    throw error;
  }
}

/** The same provider for pay links (functions/domain/payments/pay-link.ts), in the shape their domain takes. */
export async function payLinkWechat() {
  const { provider, keys, merchant, mode } = await wechatPayProvider();
  return { wechat: provider, keys, merchant: { appid: merchant.appid, mchid: merchant.mchid }, mode };
}
