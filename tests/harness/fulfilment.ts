/** Paid orders for the fulfilment tests and the generated matrices (paid through the real repository, as the verified callback does). */
import { dynamoOrderRepository } from '../../functions/data/orders-repository';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import { marketCall, order } from './market';
import { newKey } from './payments';

type Auth = { auth: Record<string, string> };

export async function shippingAddress(buyer: Auth, city = '西宁市', province = '青海省') {
  const res = await marketCall(buyer, 'POST', '/me/addresses', {
    name: '王芳',
    phone: '13812345678',
    province,
    city,
    county: '城中区',
    detail: '南大街1号',
  });
  if (res.status !== 201) throw new Error(`address: ${res.status} ${res.raw}`);
  return res.json.id as string;
}

/** Marks a stored order paid the way the verified WeChat Pay notification does (one transaction, one ledger line). */
export async function markPaid(orderId: string, at = new Date()) {
  const stored = await dynamoOrderRepository.get(orderId);
  const paid = await dynamoOrderRepository.markPaid(stored!, {
    transactionId: `42000${orderId.slice(-10)}`,
    amountFen: stored!.totalFen,
    at: at.toISOString(),
    businessDate: businessDay(at),
  });
  if (!paid) throw new Error(`markPaid refused ${orderId}`);
  return paid;
}

/** A paid order of the listing by the buyer: pickup at the station, or shipped to `addressId` (default: a new address in `city`). */
export async function paidOrder(buyer: Auth, listingId: string, mode: 'pickup' | 'shipping' = 'pickup', city?: string, addressId?: string) {
  const delivery = mode === 'pickup' ? { mode } : { mode, addressId: addressId ?? (await shippingAddress(buyer, city)) };
  const placed = await order(buyer, [{ listingId, quantity: 1 }], newKey(), delivery);
  if (placed.status !== 201) throw new Error(`order: ${placed.status} ${placed.raw}`);
  await markPaid(placed.json.id);
  return placed.json.id as string;
}

/** The buyer's pickup code of a paid pickup order. */
export async function pickupCodeOf(buyer: Auth, orderId: string) {
  const res = await marketCall(buyer, 'GET', `/orders/${orderId}/pickup-code`);
  if (res.status !== 200) throw new Error(`pickup code: ${res.status} ${res.raw}`);
  return res.json.code as string;
}

/** A paid order paid the whole way through the stage's WeChat Pay stub (its book holds the trade, so it can be refunded). */
export async function stubPaidOrder(buyer: Auth, listingId: string, mode: 'pickup' | 'shipping' = 'pickup', addressId?: string, quantity = 1) {
  const delivery = mode === 'pickup' ? { mode } : { mode, addressId: addressId ?? (await shippingAddress(buyer)) };
  const placed = await order(buyer, [{ listingId, quantity }], newKey(), delivery);
  if (placed.status !== 201) throw new Error(`order: ${placed.status} ${placed.raw}`);
  const paid = await marketCall(buyer, 'POST', `/dev/wechatpay/orders/${placed.json.id}/confirm`);
  if (paid.status !== 200 || paid.json.status !== 'PAID') throw new Error(`stub pay: ${paid.status} ${paid.raw}`);
  return { id: placed.json.id as string, totalFen: placed.json.totalFen as number };
}

/** The buyer asks for a refund of a paid order. */
export async function refundRequested(buyer: Auth, orderId: string, reason = '家里临时有事，不要了') {
  const res = await marketCall(buyer, 'POST', `/orders/${orderId}/refund-request`, { reason });
  if (res.status !== 200) throw new Error(`refund request: ${res.status} ${res.raw}`);
  return res.json;
}
