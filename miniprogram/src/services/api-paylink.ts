import type { PayLinkView, PayRequest, PayRequestCreateRequest, NonCashLedgerResponse } from '@shared/schemas/pay-links';
import type { RequestPaymentResponse } from '@shared/schemas/market';
import type * as z from 'zod/mini';
import { request } from './api-client';

/**
 * Remote pay links (远程代付): the officer's side (create, follow, the non-cash ledger) and the payer's
 * (open the link, pay). Only subpackages import this file: the officer's and packages/paylink.
 */
export type { PayLinkView, PayRequest, NonCashLedgerResponse };
export type PayLinkPaymentParams = z.infer<typeof RequestPaymentResponse>;

const linkPath = (token: string, rest = '') => `/pay-links/${encodeURIComponent(token)}${rest}`;

/** `POST /stations/{id}/pay-requests`: instead of cash, a link for someone else to pay (Idempotency-Key). */
export function createPayRequest(stationId: string, body: PayRequestCreateRequest, idempotencyKey: string): Promise<PayRequest> {
  return request<PayRequest>(`/stations/${encodeURIComponent(stationId)}/pay-requests`, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** `GET /pay-requests/{id}`: the station follows its request (OPEN, FUNDED, PAID...). */
export function getPayRequest(id: string): Promise<PayRequest> {
  return request<PayRequest>(`/pay-requests/${encodeURIComponent(id)}`);
}

/** `GET /stations/{id}/noncash-ledger?date=`: WeChat Pay money of one business day, apart from the cash. */
export function getNonCashLedger(stationId: string, date: string): Promise<NonCashLedgerResponse> {
  return request<NonCashLedgerResponse>(`/stations/${encodeURIComponent(stationId)}/noncash-ledger`, { query: { date } });
}

/** `GET /pay-links/{token}`: what the link's holder pays for. */
export function openPayLink(token: string): Promise<PayLinkView> {
  return request<PayLinkView>(linkPath(token));
}

/** `POST /pay-links/{token}/pay`: the wx.requestPayment parameters (the stub's locally). */
export function payPayLink(token: string): Promise<PayLinkPaymentParams> {
  return request<PayLinkPaymentParams>(linkPath(token, '/pay'), { method: 'POST' });
}

/** Local stages only: the stub's sheet confirms; its signed notification pays the bill. */
export function confirmPayLinkStub(token: string): Promise<PayLinkView> {
  return request<PayLinkView>(`/dev/wechatpay${linkPath(token, '/confirm')}`, { method: 'POST' });
}

/** What the officer sends: the page's full address on H5, the mini-program path on weapp (shared as a card). */
export function payLinkAddress(path: string): string {
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') return `${window.location.origin}${window.location.pathname}#/${path}`;
  return `/${path}`;
}
