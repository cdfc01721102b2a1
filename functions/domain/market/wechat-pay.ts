/**
 * Paying an order through WeChat Pay API v3 (JSAPI), as the domain needs it. A provider (the local
 * stub, functions/adapters/wechat-pay-stub.ts; the real one in a deployed stage) creates the prepay
 * order; only its signed notification marks an order paid. The notification is checked here by the
 * v3 rules before anything is read:
 *
 *   Wechatpay-Serial known?  ──no──> rejected (PN3)
 *   |timestamp - now| <= 5 min ──no──> rejected (PN2)
 *   RSA-SHA256 over "timestamp\nnonce\nbody\n" with that platform key ──bad──> rejected (PN1)
 *   resource: AES-256-GCM with the API v3 key (nonce, associated_data, tag = last 16 bytes) ──bad──> rejected (PN4)
 *   mchid, appid, out_trade_no, amount = our order's ──no──> rejected, an alert logged (PN6)
 *        │
 *   PENDING_PAYMENT ──> PAID + the station's non-cash ledger line, ONE transaction on the status (PN5)
 */
import { createDecipheriv, createVerify } from 'node:crypto';

export const NOTIFICATION_WINDOW_SECONDS = 5 * 60;

export interface PrepayRequest {
  appid: string;
  mchid: string;
  outTradeNo: string;
  description: string;
  amountFen: number;
  notifyUrl: string;
  /** The prepay order expires with the order's hold. */
  timeExpire: string;
  payerOpenid: string;
}

/** What the client hands to wx.requestPayment (signed by the merchant key). */
export interface RequestPaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface WechatPayProvider {
  createJsapiOrder(request: PrepayRequest): Promise<{ prepayId: string }>;
  requestPaymentParams(appid: string, prepayId: string): RequestPaymentParams;
  /**
   * GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=: the provider's view of the order
   * (recovers a missed notification: a job, and when the buyer opens the order); null: no such order
   * (ORDER_NOT_EXIST, never prepaid).
   */
  queryOrder(outTradeNo: string): Promise<QueriedTransaction | null>;
  /**
   * POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close: after it the order can no longer be
   * paid. `paid` when it was paid first (v3 answers ORDERPAID): the hold must not be released then.
   * An order never prepaid counts as closed (nothing can pay it).
   */
  closeOrder(outTradeNo: string): Promise<'closed' | 'paid'>;
  /**
   * POST /v3/refund/domestic/refunds: `out_refund_no` is the provider's idempotency key, so a second
   * call with the same one answers the first refund and moves no more money.
   */
  refund(request: RefundRequest): Promise<RefundResult>;
}

/** v3 trade states (the ones our code tells apart). */
export type TradeState = 'SUCCESS' | 'NOTPAY' | 'CLOSED' | 'REFUND' | 'USERPAYING' | 'PAYERROR';

/** The answer of the v3 query by out_trade_no (the fields we check). */
export interface QueriedTransaction {
  mchid: string;
  appid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_state: TradeState;
  amount: { total: number; currency: string };
  success_time?: string;
}

export interface RefundRequest {
  /** Where the provider sends the refund's REFUND.SUCCESS notification. */
  notifyUrl?: string;
  outTradeNo: string;
  outRefundNo: string;
  reason: string;
  refundFen: number;
  totalFen: number;
}

export interface RefundResult {
  refundId: string;
  outRefundNo: string;
  status: 'SUCCESS' | 'PROCESSING';
  refundFen: number;
}

/** The decrypted resource of a TRANSACTION.SUCCESS notification (the fields we check). */
export interface PaidTransaction {
  mchid: string;
  appid: string;
  out_trade_no: string;
  transaction_id: string;
  trade_state: string;
  amount: { total: number; currency: string };
  success_time?: string;
}

export class NotificationRejected extends Error {
  constructor(readonly reason: 'serial' | 'timestamp' | 'signature' | 'body' | 'decrypt' | 'mismatch') {
    super(`WeChat Pay notification rejected: ${reason}`);
    this.name = 'NotificationRejected';
  }
}

/** The local stub's keys as stored (PEM), so every process of a stage signs and verifies with the same ones. */
export interface StubKeyMaterial {
  platformPrivateKey: string;
  merchantPrivateKey: string;
  serial: string;
  apiV3Key: string;
}

export interface NotificationKeys {
  /** Platform public keys (PEM) by certificate serial. */
  platformKeys: Map<string, string>;
  apiV3Key: string;
}

const header = (headers: Record<string, string | undefined>, name: string) => headers[name] ?? headers[name.toLowerCase()];

/** The decrypted resource of a REFUND.SUCCESS notification (v3 refund notifications: the fields we check). */
export interface RefundedTransaction {
  mchid: string;
  out_trade_no: string;
  transaction_id: string;
  out_refund_no: string;
  refund_id: string;
  refund_status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
  success_time?: string;
  amount: { total: number; refund: number; payer_total: number; payer_refund: number };
}

/** Verifies and decrypts a payment notification; throws NotificationRejected, never anything else for bad input. */
export function openNotification(keys: NotificationKeys, headers: Record<string, string | undefined>, rawBody: string, now: Date): PaidTransaction {
  return openSignedResource(keys, headers, rawBody, now) as PaidTransaction;
}

/** A refund notification: the very same checks (serial, window, signature, AES-256-GCM) as a payment's. */
export function openRefundNotification(
  keys: NotificationKeys,
  headers: Record<string, string | undefined>,
  rawBody: string,
  now: Date,
): RefundedTransaction {
  return openSignedResource(keys, headers, rawBody, now) as RefundedTransaction;
}

function openSignedResource(keys: NotificationKeys, headers: Record<string, string | undefined>, rawBody: string, now: Date): unknown {
  const serial = header(headers, 'Wechatpay-Serial');
  const timestamp = header(headers, 'Wechatpay-Timestamp');
  const nonce = header(headers, 'Wechatpay-Nonce');
  const signature = header(headers, 'Wechatpay-Signature');
  const publicKey = serial ? keys.platformKeys.get(serial) : undefined;
  if (!publicKey) throw new NotificationRejected('serial');
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || Math.abs(Number(timestamp) - now.getTime() / 1000) > NOTIFICATION_WINDOW_SECONDS)
    throw new NotificationRejected('timestamp');
  if (!nonce || !signature) throw new NotificationRejected('signature');
  const verifier = createVerify('RSA-SHA256');
  verifier.update(`${timestamp}\n${nonce}\n${rawBody}\n`);
  let valid = false;
  try {
    valid = verifier.verify(publicKey, signature, 'base64');
  } catch {
    valid = false;
  }
  if (!valid) throw new NotificationRejected('signature');
  let resource: { ciphertext?: unknown; nonce?: unknown; associated_data?: unknown };
  try {
    resource = (JSON.parse(rawBody) as { resource?: typeof resource }).resource ?? {};
  } catch {
    throw new NotificationRejected('body');
  }
  if (typeof resource.ciphertext !== 'string' || typeof resource.nonce !== 'string') throw new NotificationRejected('body');
  try {
    const data = Buffer.from(resource.ciphertext, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(keys.apiV3Key, 'utf8'), Buffer.from(resource.nonce, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    decipher.setAAD(Buffer.from(typeof resource.associated_data === 'string' ? resource.associated_data : '', 'utf8'));
    const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
    return JSON.parse(plain) as unknown;
  } catch {
    throw new NotificationRejected('decrypt');
  }
}
