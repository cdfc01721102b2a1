/**
 * Fulfilment (issue 14): pickup codes the buyer shows at the station, shipping with a carrier and a
 * tracking number, the station's manifest and consolidated shipments (consignments).
 */
import * as z from 'zod/mini';
import { freeText } from './common';
import { Order, orderId } from './market';
import { stationId } from './stations';

/** Guesses of pickup codes a station may make in a window (every lookup or handover counts). */
export const PICKUP_ATTEMPTS_PER_WINDOW = 60;
export const PICKUP_ATTEMPT_WINDOW_SECONDS = 600;
/** After this many days shipped, the station's officer may confirm receipt in the buyer's place. */
export const RECEIPT_BY_OFFICER_AFTER_DAYS = 10;
/** Orders one consignment carries (one transaction holds the consignment and each order). */
export const MAX_CONSIGNMENT_ORDERS = 50;

export const pickupCode = z.string().check(z.regex(/^\d{6}$/, 'must be a 6-digit pickup code'));

/** The buyer's code for a paid pickup order, and the text its QR code carries (the officer scans it). */
export const PickupCodeResponse = z.object({
  orderId: z.string(),
  stationId: z.string(),
  code: z.string(),
  qrText: z.string(),
  /** The same text as a QR code (an SVG data URI an <Image> shows). */
  qrImage: z.string(),
});
export const PickupCodeRequest = z.strictObject({ code: pickupCode });
export const StationPickupParams = z.strictObject({ stationId });

const carrier = freeText(2, 20);
const trackingNo = z.string().check(z.regex(/^[A-Za-z0-9-]{6,40}$/, 'must be a tracking number (6-40 letters, digits or -)'));
export const ShipmentRequest = z.strictObject({ carrier, trackingNo });
export type ShipmentRequest = z.infer<typeof ShipmentRequest>;

export const ConsignmentCreateRequest = z.strictObject({
  orderIds: z.array(orderId).check(z.minLength(1), z.maxLength(MAX_CONSIGNMENT_ORDERS)),
  carrier,
  trackingNo,
});
export type ConsignmentCreateRequest = z.infer<typeof ConsignmentCreateRequest>;
export const Consignment = z.object({
  id: z.string(),
  stationId: z.string(),
  province: z.string(),
  city: z.string(),
  carrier: z.string(),
  trackingNo: z.string(),
  orderIds: z.array(z.string()),
  sellerIds: z.array(z.string()),
  createdAt: z.string(),
});
export type Consignment = z.infer<typeof Consignment>;

/** What the station hands over (pickup) or packs (shipping), by seller: every paid order not yet out. */
export const Manifest = z.object({
  stationId: z.string(),
  date: z.string(),
  sellers: z.array(z.object({ sellerId: z.string(), sellerName: z.string(), handOver: z.array(Order), pack: z.array(Order) })),
});
export type Manifest = z.infer<typeof Manifest>;

/** Refunds (issue 14): the buyer's reason, and the station's decision with its note. */
export const REFUND_REASON_MAX = 200;
export const RefundRequestBody = z.strictObject({ reason: freeText(2, REFUND_REASON_MAX) });
export type RefundRequestBody = z.infer<typeof RefundRequestBody>;
/** A refusal must say why (the domain answers 400 on body.note otherwise): the buyer reads it. */
export const RefundDecisionBody = z.strictObject({ decision: z.enum(['approve', 'refuse']), note: z.optional(freeText(2, REFUND_REASON_MAX)) });
export type RefundDecisionBody = z.infer<typeof RefundDecisionBody>;
