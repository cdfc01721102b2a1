/**
 * The WeChat Pay stub's sheet for pay links, local stages only (guarded exactly like the orders' sheet,
 * functions/adapters/wechat-pay-stub-sheet.ts): the payer confirms, the stub pays the prepay order and
 * its SIGNED notification goes through handlePayLinkNotification, the webhook's own verification, so
 * the bill is paid by the notification alone, as on a deployed stage.
 */
import type { Locale } from '../../shared';
import type { Caller } from '../auth/caller';
import { notFound } from '../domain/errors';
import { handlePayLinkNotification, payPayLink, type PayLinkDeps, type PayLinkOutcome, type WechatDeps } from '../domain/payments/pay-link';
import { stubSheetEnabled } from './wechat-pay-stub-sheet';
import { wechatPayStub } from './wechat-pay-providers';

export async function confirmPayLinkStub(deps: PayLinkDeps & WechatDeps, caller: Caller, token: string, locale: Locale): Promise<PayLinkOutcome> {
  if (!stubSheetEnabled()) throw notFound('Route');
  const record = await deps.requests.byToken(token);
  if (!record) throw notFound('Pay link');
  // A second tap on a paid link shows it paid, as WeChat's sheet would.
  if (record.status !== 'OPEN') return { kind: 'duplicate', payRequestId: record.id };
  // The prepay order is made (or found: out_trade_no is the provider's idempotency key) before the sheet pays it.
  await payPayLink(deps, caller, token, locale);
  const signed = await (await wechatPayStub()).pay(record.id);
  return handlePayLinkNotification(deps, signed.headers, signed.body);
}
