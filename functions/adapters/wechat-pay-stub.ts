/**
 * A local WeChat Pay v3 provider that behaves like the real one where our code can tell: prepay ids,
 * requestPayment parameters signed with a merchant key, and notifications signed with its own platform
 * key (RSA-SHA256 over "timestamp\nnonce\nbody\n", serial in Wechatpay-Serial) whose resource is
 * AES-256-GCM encrypted with the API v3 key. It pays nobody. Its state lives in this process: the
 * HTTP wiring (POST /orders/{id}/pay, POST /webhooks/wechatpay, the H5 payment sheet) is left to the
 * next step and will keep its key pair in the table so every Lambda process shares it.
 */
import { createCipheriv, createPrivateKey, createPublicKey, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import type {
  NotificationKeys,
  PaidTransaction,
  PrepayRequest,
  RequestPaymentParams,
  StubKeyMaterial,
  WechatPayProvider,
} from '../domain/market/wechat-pay';
export type { StubKeyMaterial };

export interface StubOrder extends PrepayRequest {
  prepayId: string;
  tradeState: 'NOTPAY' | 'SUCCESS' | 'CLOSED';
  transactionId: string | null;
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

export function createWechatPayStub(material: StubKeyMaterial = newStubKeyMaterial()) {
  const platform = { privateKey: createPrivateKey(material.platformPrivateKey) };
  const merchant = { privateKey: createPrivateKey(material.merchantPrivateKey) };
  const { serial, apiV3Key } = material;
  const orders = new Map<string, StubOrder>();
  const platformPublicPem = createPublicKey(platform.privateKey).export({ type: 'spki', format: 'pem' }).toString();

  const provider: WechatPayProvider = {
    async createJsapiOrder(request) {
      const existing = orders.get(request.outTradeNo);
      if (existing) return { prepayId: existing.prepayId }; // out_trade_no is the provider's idempotency key
      const prepayId = 'wx' + randomBytes(14).toString('hex');
      orders.set(request.outTradeNo, { ...request, prepayId, tradeState: 'NOTPAY', transactionId: null });
      return { prepayId };
    },
    requestPaymentParams(appid, prepayId) {
      const timeStamp = String(Math.floor(Date.now() / 1000));
      const nonceStr = randomBytes(16).toString('hex');
      const pkg = `prepay_id=${prepayId}`;
      const paySign = createSign('RSA-SHA256').update(`${appid}\n${timeStamp}\n${nonceStr}\n${pkg}\n`).sign(merchant.privateKey, 'base64');
      return { appId: appid, timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign } satisfies RequestPaymentParams;
    },
    async queryOrder(outTradeNo) {
      const order = orders.get(outTradeNo);
      return order ? { tradeState: order.tradeState, amountFen: order.amountFen, transactionId: order.transactionId } : null;
    },
    async closeOrder(outTradeNo) {
      const order = orders.get(outTradeNo);
      if (order && order.tradeState === 'NOTPAY') order.tradeState = 'CLOSED';
    },
  };

  /** The payer confirms on the stub's sheet: the order is paid and a signed notification is built for it. */
  function pay(outTradeNo: string, at = new Date()) {
    const order = orders.get(outTradeNo);
    if (!order) throw new Error(`stub: no prepay order ${outTradeNo}`);
    if (order.tradeState === 'NOTPAY') {
      order.tradeState = 'SUCCESS';
      order.transactionId = '4200' + randomBytes(12).toString('hex');
    }
    const transaction: PaidTransaction = {
      mchid: order.mchid,
      appid: order.appid,
      out_trade_no: order.outTradeNo,
      transaction_id: order.transactionId!,
      trade_state: 'SUCCESS',
      amount: { total: order.amountFen, currency: 'CNY' },
      success_time: at.toISOString(),
    };
    return notification(transaction, at);
  }

  /** A notification as WeChat Pay sends it: headers and the raw body. */
  function notification(transaction: PaidTransaction, at = new Date()) {
    const nonce = randomBytes(16).toString('hex').slice(0, 12);
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
    cipher.setAAD(Buffer.from('transaction', 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(transaction), 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
    const body = JSON.stringify({
      id: randomBytes(8).toString('hex'),
      create_time: at.toISOString(),
      event_type: 'TRANSACTION.SUCCESS',
      resource_type: 'encrypt-resource',
      resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext, nonce, associated_data: 'transaction', original_type: 'transaction' },
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
  return { provider, pay, notification, notificationFromBody, keys, orders };
}
