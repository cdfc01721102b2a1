/**
 * A local WeChat Pay v3 provider that behaves like the real one where our code can tell: prepay ids,
 * requestPayment parameters signed with a merchant key, and notifications signed with its own platform
 * key (RSA-SHA256 over "timestamp\nnonce\nbody\n", serial in Wechatpay-Serial) whose resource is
 * AES-256-GCM encrypted with the API v3 key; the query by out_trade_no, the close and the refund APIs.
 * It pays nobody. Its books (prepay orders, refunds) live in a StubTradeBook: in memory by default, in
 * the table for a stage (functions/data/wechat-pay-stub-book.ts), so every process sees the same trades.
 */
import { createCipheriv, createPrivateKey, createPublicKey, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import type {
  NotificationKeys,
  PaidTransaction,
  PrepayRequest,
  QueriedTransaction,
  RefundedTransaction,
  RefundRequest,
  RefundResult,
  RequestPaymentParams,
  StubKeyMaterial,
  WechatPayProvider,
} from '../domain/market/wechat-pay';
export type { StubKeyMaterial };

export interface StubOrder extends PrepayRequest {
  prepayId: string;
  tradeState: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';
  transactionId: string | null;
  successTime?: string;
}

export interface StubRefund {
  outRefundNo: string;
  outTradeNo: string;
  refundId: string;
  refundFen: number;
  totalFen: number;
  reason: string;
  status: 'SUCCESS';
  at: string;
}

/** The stub provider's own books. Every change is conditional, as the real provider's state machine is. */
export interface StubTradeBook {
  /** Stores the prepay order unless its out_trade_no has one; answers the one that stands. */
  create(order: StubOrder): Promise<StubOrder>;
  get(outTradeNo: string): Promise<StubOrder | null>;
  /** NOTPAY ──> SUCCESS (with its transaction id) or CLOSED, once; answers the order as it stands after. */
  settle(outTradeNo: string, to: { tradeState: 'SUCCESS'; transactionId: string; at: string } | { tradeState: 'CLOSED' }): Promise<StubOrder | null>;
  /**
   * Records a refund unless its out_refund_no has one, moving the order SUCCESS ──> REFUND with it;
   * answers the refund that stands, or null when the order was never paid.
   */
  refundOnce(refund: StubRefund): Promise<StubRefund | null>;
  getRefund(outRefundNo: string): Promise<StubRefund | null>;
}

/** The in-memory book (unit and integration tests that need no shared state). */
export function memoryTradeBook(): StubTradeBook & { refunds: Map<string, StubRefund> } {
  const orders = new Map<string, StubOrder>();
  const refunds = new Map<string, StubRefund>();
  return {
    refunds,
    async create(order) {
      if (!orders.has(order.outTradeNo)) orders.set(order.outTradeNo, { ...order });
      return { ...orders.get(order.outTradeNo)! };
    },
    async get(outTradeNo) {
      const order = orders.get(outTradeNo);
      return order ? { ...order } : null;
    },
    async settle(outTradeNo, to) {
      const order = orders.get(outTradeNo);
      if (!order) return null;
      if (order.tradeState === 'NOTPAY') Object.assign(order, to.tradeState === 'SUCCESS' ? { ...to, successTime: to.at } : to);
      return { ...order };
    },
    async refundOnce(refund) {
      const existing = refunds.get(refund.outRefundNo);
      if (existing) return existing;
      const order = orders.get(refund.outTradeNo);
      if (!order || (order.tradeState !== 'SUCCESS' && order.tradeState !== 'REFUND')) return null;
      order.tradeState = 'REFUND';
      refunds.set(refund.outRefundNo, refund);
      return refund;
    },
    async getRefund(outRefundNo) {
      return refunds.get(outRefundNo) ?? null;
    },
  };
}

export function newStubKeyMaterial(): StubKeyMaterial {
  const pem = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    platformPrivateKey: pem(),
    merchantPrivateKey: pem(),
    serial: randomBytes(20).toString('hex').toUpperCase(),
    apiV3Key: randomBytes(16).toString('hex'), // 32 bytes, as WeChat's v3 keys
  };
}

export function createWechatPayStub(material: StubKeyMaterial = newStubKeyMaterial(), book: StubTradeBook = memoryTradeBook()) {
  const platform = { privateKey: createPrivateKey(material.platformPrivateKey) };
  const merchant = { privateKey: createPrivateKey(material.merchantPrivateKey) };
  const { serial, apiV3Key } = material;
  const platformPublicPem = createPublicKey(platform.privateKey).export({ type: 'spki', format: 'pem' }).toString();

  const provider: WechatPayProvider = {
    async createJsapiOrder(request) {
      // out_trade_no is the provider's idempotency key: a second prepay for it answers the first.
      const order = await book.create({ ...request, prepayId: 'wx' + randomBytes(14).toString('hex'), tradeState: 'NOTPAY', transactionId: null });
      return { prepayId: order.prepayId };
    },
    requestPaymentParams(appid, prepayId) {
      const timeStamp = String(Math.floor(Date.now() / 1000));
      const nonceStr = randomBytes(16).toString('hex');
      const pkg = `prepay_id=${prepayId}`;
      const paySign = createSign('RSA-SHA256').update(`${appid}\n${timeStamp}\n${nonceStr}\n${pkg}\n`).sign(merchant.privateKey, 'base64');
      return { appId: appid, timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign } satisfies RequestPaymentParams;
    },
    queryOrder: (outTradeNo) => queryByOutTradeNo(book, outTradeNo),
    closeOrder: (outTradeNo) => closeByOutTradeNo(book, outTradeNo),
    refund: (request) => refundDomestic(book, request),
  };

  /**
   * The payer confirms on the stub's sheet: the order is paid at the provider and a signed notification
   * is built for it (deliver it, or drop it to play a missed callback). A closed order cannot be paid.
   */
  async function pay(outTradeNo: string, at = new Date()) {
    const order = await book.settle(outTradeNo, {
      tradeState: 'SUCCESS',
      transactionId: '4200' + randomBytes(12).toString('hex'),
      at: at.toISOString(),
    });
    if (!order) throw new Error(`stub: no prepay order ${outTradeNo}`);
    if (order.tradeState === 'CLOSED') throw new Error(`stub: order ${outTradeNo} is closed (ORDER_CLOSED): it cannot be paid`);
    const transaction: PaidTransaction = {
      mchid: order.mchid,
      appid: order.appid,
      out_trade_no: order.outTradeNo,
      transaction_id: order.transactionId!,
      trade_state: 'SUCCESS',
      amount: { total: order.amountFen, currency: 'CNY' },
      success_time: order.successTime ?? at.toISOString(),
    };
    return notification(transaction, at);
  }

  /** A notification as WeChat Pay sends it: headers and the raw body. */
  function notification(transaction: PaidTransaction, at = new Date()) {
    return signedEvent('TRANSACTION.SUCCESS', 'transaction', transaction, at);
  }

  /**
   * The REFUND.SUCCESS notification of a refund in the stub's book (the provider sends it to the refund's
   * notify_url once the money is back): null when the book has no such refund.
   */
  async function refundNotification(outRefundNo: string, at = new Date()) {
    const refund = await book.getRefund(outRefundNo);
    const trade = refund && (await book.get(refund.outTradeNo));
    if (!refund || !trade) return null;
    const resource: RefundedTransaction = {
      mchid: trade.mchid,
      out_trade_no: refund.outTradeNo,
      transaction_id: trade.transactionId ?? '',
      out_refund_no: refund.outRefundNo,
      refund_id: refund.refundId,
      refund_status: 'SUCCESS',
      success_time: refund.at,
      amount: { total: refund.totalFen, refund: refund.refundFen, payer_total: refund.totalFen, payer_refund: refund.refundFen },
    };
    return signedEvent('REFUND.SUCCESS', 'refund', resource, at);
  }

  /** Any v3 event: the resource AES-256-GCM encrypted with the API v3 key, the body signed with the platform key. */
  function signedEvent(eventType: string, originalType: string, resource: unknown, at: Date) {
    const nonce = randomBytes(16).toString('hex').slice(0, 12);
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
    cipher.setAAD(Buffer.from(originalType, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(resource), 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
    const body = JSON.stringify({
      id: randomBytes(8).toString('hex'),
      create_time: at.toISOString(),
      event_type: eventType,
      resource_type: 'encrypt-resource',
      resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext, nonce, associated_data: originalType, original_type: originalType },
    });
    const timestamp = String(Math.floor(at.getTime() / 1000));
    const headerNonce = randomBytes(16).toString('hex');
    const signature = createSign('RSA-SHA256').update(`${timestamp}\n${headerNonce}\n${body}\n`).sign(platform.privateKey, 'base64');
    return {
      headers: { 'Wechatpay-Serial': serial, 'Wechatpay-Timestamp': timestamp, 'Wechatpay-Nonce': headerNonce, 'Wechatpay-Signature': signature },
      body,
    };
  }

  /** Headers signed for any body (tests: a body tampered inside yet signed, as a forger with the key would). */
  function notificationFromBody(body: string, at = new Date()) {
    const timestamp = String(Math.floor(at.getTime() / 1000));
    const headerNonce = randomBytes(16).toString('hex');
    const signature = createSign('RSA-SHA256').update(`${timestamp}\n${headerNonce}\n${body}\n`).sign(platform.privateKey, 'base64');
    return { 'Wechatpay-Serial': serial, 'Wechatpay-Timestamp': timestamp, 'Wechatpay-Nonce': headerNonce, 'Wechatpay-Signature': signature };
  }

  const keys: NotificationKeys = { platformKeys: new Map([[serial, platformPublicPem]]), apiV3Key };
  return { provider, pay, notification, refundNotification, notificationFromBody, keys, book };
}

/** GET /v3/pay/transactions/out-trade-no/{out_trade_no}: the trade as the provider has it. */
async function queryByOutTradeNo(book: StubTradeBook, outTradeNo: string): Promise<QueriedTransaction | null> {
  const order = await book.get(outTradeNo);
  if (!order) return null; // v3: 404 ORDER_NOT_EXIST
  return {
    mchid: order.mchid,
    appid: order.appid,
    out_trade_no: order.outTradeNo,
    ...(order.transactionId ? { transaction_id: order.transactionId } : {}),
    trade_state: order.tradeState,
    amount: { total: order.amountFen, currency: 'CNY' },
    ...(order.successTime ? { success_time: order.successTime } : {}),
  };
}

/** POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close: NOTPAY ──> CLOSED; a paid order answers ORDERPAID. */
async function closeByOutTradeNo(book: StubTradeBook, outTradeNo: string): Promise<'closed' | 'paid'> {
  const order = await book.settle(outTradeNo, { tradeState: 'CLOSED' });
  return order && (order.tradeState === 'SUCCESS' || order.tradeState === 'REFUND') ? 'paid' : 'closed';
}

/** POST /v3/refund/domestic/refunds: one refund per out_refund_no, only of a paid order, never above its total. */
async function refundDomestic(book: StubTradeBook, request: RefundRequest): Promise<RefundResult> {
  const order = await book.get(request.outTradeNo);
  if (!order || request.totalFen !== order.amountFen || request.refundFen < 1 || request.refundFen > order.amountFen)
    throw new Error(`stub refund refused (PARAM_ERROR): ${request.outTradeNo}`);
  const refund = await book.refundOnce({
    outRefundNo: request.outRefundNo,
    outTradeNo: request.outTradeNo,
    refundId: '5030' + randomBytes(12).toString('hex'),
    refundFen: request.refundFen,
    totalFen: request.totalFen,
    reason: request.reason,
    status: 'SUCCESS',
    at: new Date().toISOString(),
  });
  if (!refund) throw new Error(`stub refund refused (TRADE_NOT_PAID): ${request.outTradeNo}`);
  return { refundId: refund.refundId, outRefundNo: refund.outRefundNo, status: refund.status, refundFen: refund.refundFen };
}
