/**
 * A late success's refund reason (issue 16): WeChat Pay shows it to the buyer on its refund notice, so
 * it is the server catalogue's text in the BUYER's stored language (Chinese when unset or zh-CN,
 * Tibetan for a bo buyer), whoever delivers the notification. Asserted on the refund the WeChat Pay
 * stub recorded in its book, after the whole path: stub pays, signed notification, order released.
 */
import { createWechatPayStub } from '../../../functions/adapters/wechat-pay-stub';
import { handlePaymentNotification, refundNoOf, type PaymentDeps } from '../../../functions/domain/market/order-payment';
import type { OrderRecord } from '../../../functions/domain/market/market';
import type { Locale } from '../../../shared';

const TIBETAN = /^[\u0F00-\u0FFF\s]+$/;
const merchant = { appid: 'wx-unit-app', mchid: '1900000001', notifyUrl: 'http://127.0.0.1/webhooks/wechatpay' };

/** An order released unpaid (EXPIRED) before its payer paid it at the provider. */
function expiredOrder(id: string, buyerId: string): OrderRecord {
  const at = new Date().toISOString();
  return {
    id,
    buyerId,
    sellerId: 'se1',
    sellerName: '土桥合作社',
    stationId: 'st1',
    stationVillageCode: '630202002214',
    status: 'EXPIRED',
    lines: [],
    itemsFen: 3_000,
    shippingFen: 0,
    totalFen: 3_000,
    delivery: { mode: 'pickup', address: null },
    holdUntil: at,
    createdAt: at,
    closedAt: at,
  };
}

/** A late success delivered for an order of a buyer whose account holds `language`: the reason the stub recorded. */
async function refundReasonFor(language: Locale | undefined): Promise<string> {
  const stub = createWechatPayStub();
  const orderId = `or${Math.random().toString(36).slice(2, 12)}`;
  const buyerId = `u-${language ?? 'unset'}`;
  // The users table's stand-in: the account's stored choice (PUT /me/language), unset meaning zh-CN.
  const accounts = new Map<string, Locale | undefined>([[buyerId, language]]);
  const stored = new Map([[orderId, expiredOrder(orderId, buyerId)]]);
  const deps: PaymentDeps = {
    orders: {
      get: async (id) => stored.get(id) ?? null,
      markPaid: async () => null, // released: no longer payable
      release: async () => null,
      recordLateRefund: async (order, refund) => (stored.set(order.id, { ...order, refund }), true),
    },
    provider: stub.provider,
    keys: stub.keys,
    merchant,
    openidOf: async (userId) => `o-${userId}`,
    languageOf: async (userId) => accounts.get(userId),
  };
  await stub.provider.createJsapiOrder({
    appid: merchant.appid,
    mchid: merchant.mchid,
    outTradeNo: orderId,
    description: '青稞 1袋',
    amountFen: 3_000,
    notifyUrl: merchant.notifyUrl,
    timeExpire: new Date(Date.now() + 60_000).toISOString(),
    payerOpenid: `o-${buyerId}`,
  });
  const note = await stub.pay(orderId);
  expect(await handlePaymentNotification(deps, note.headers, note.body)).toEqual({ kind: 'late', orderId });
  const refund = await stub.book.getRefund(refundNoOf(orderId));
  expect(refund).toMatchObject({ outTradeNo: orderId, refundFen: 3_000 });
  return refund!.reason;
}

describe('a late success’s refund reason, on WeChat Pay’s refund notice', () => {
  it('is Chinese for a buyer who chose no language or zh-CN', async () => {
    expect(await refundReasonFor(undefined)).toBe('订单已关闭，自动退款');
    expect(await refundReasonFor('zh-CN')).toBe('订单已关闭，自动退款');
  });

  it('is Tibetan (Tibetan script only) for a buyer who chose bo, within the provider’s 80 characters', async () => {
    const reason = await refundReasonFor('bo');
    expect(reason).toMatch(TIBETAN);
    expect(reason.length).toBeLessThanOrEqual(80);
  });
});
