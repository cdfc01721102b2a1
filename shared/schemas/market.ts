/**
 * Produce marketplace (issue 13, 电子商务): sellers the officer registers (a household of the station or a
 * cooperative, with consent), listings the officer keeps for them, buyers' addresses, carts (one per
 * seller) and orders. Prices, fees and totals are computed by the server from the listing at order
 * time: no request carries a price except the officer's listing itself.
 */
import * as z from 'zod/mini';
import { cursor, freeText, freeTextBlock, pageLimit, pageOf } from './common';
import { FeedImage } from './feeds';
import { householdId, mobilePhone } from './payments';
import { RegionRef } from './regions';
import { stationId } from './stations';
import { uploadId } from './uploads';

export const PRODUCE_CATEGORIES = [
  { id: 'yak_meat', name: '牦牛肉' },
  { id: 'tibetan_sheep', name: '藏羊' },
  { id: 'highland_barley', name: '青稞' },
  { id: 'wolfberry', name: '枸杞' },
  { id: 'rapeseed_oil', name: '菜籽油' },
  { id: 'dairy', name: '乳制品' },
  { id: 'juema', name: '蕨麻' },
  { id: 'honey', name: '蜂蜜' },
  { id: 'potato', name: '土豆' },
  { id: 'other', name: '其他' },
] as const;
export const PRODUCE_CATEGORY_IDS = PRODUCE_CATEGORIES.map((c) => c.id) as unknown as readonly [
  (typeof PRODUCE_CATEGORIES)[number]['id'],
  ...Array<(typeof PRODUCE_CATEGORIES)[number]['id']>,
];
export type ProduceCategory = (typeof PRODUCE_CATEGORIES)[number]['id'];

export const LISTING_UNITS = ['jin', 'zhi', 'tou', 'xiang', 'dai'] as const;
export type ListingUnit = (typeof LISTING_UNITS)[number];
export const LISTING_UNIT_NAMES: Record<ListingUnit, string> = { jin: '斤', zhi: '只', tou: '头', xiang: '箱', dai: '袋' };

export const LISTING_STATUSES = ['ACTIVE', 'PAUSED', 'ENDED'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
/** The order's state machine (functions/domain/market/order-state.ts) moves between these; fulfilment (issue 14) added the rest. */
export const ORDER_STATUSES = [
  'PENDING_PAYMENT',
  'PAID',
  'CANCELLED',
  'EXPIRED',
  'READY_FOR_PICKUP',
  'HANDED_OVER',
  'SHIPPED',
  'RECEIVED',
  'REFUND_REQUESTED',
  'REFUNDING',
  'REFUNDED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const MAX_LISTING_PHOTOS = 6;
/** An unpaid order holds its stock this long, then it is released (once). */
export const ORDER_HOLD_MINUTES = 15;
/** Unpaid orders a buyer may hold at once (a counter with a condition, never a count). */
export const MAX_UNPAID_ORDERS = 5;
/** Lines per order: one transaction holds the order, its lines' stock and the counter (DynamoDB: 100 items). */
export const MAX_ORDER_LINES = 20;
export const MAX_PRICE_FEN = 10_000_000;
export const MAX_STOCK = 1_000_000;
export const MAX_QUANTITY = 10_000;
export const MAX_ADDRESSES = 10;

const idOf = (prefix: string, what: string) => z.string().check(z.regex(new RegExp(`^${prefix}[0-9a-f]{24}$`), `must be ${what}`));
export const sellerId = idOf('sl', 'a seller id');
export const listingId = idOf('ls', 'a listing id');
export const orderId = idOf('or', 'an order id');
export const addressId = idOf('ad', 'an address id');

const fen = (max: number, min = 0) => z.number().check(z.int(), z.gte(min), z.lte(max));
const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'));

export const CategoriesResponse = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });

/** A seller: a household of the station (`householdId`) or a cooperative (`name`); either way with consent. */
export const SellerCreateRequest = z.strictObject({
  kind: z.enum(['household', 'cooperative']),
  householdId: z.optional(householdId),
  name: z.optional(freeText(2, 40)),
  consent: z.literal(true),
});
export type SellerCreateRequest = z.infer<typeof SellerCreateRequest>;

export const Seller = z.object({
  id: z.string(),
  stationId: z.string(),
  kind: z.enum(['household', 'cooperative']),
  /** A cooperative's name; a household's head name as the officer shows it to buyers (surname + 家). */
  displayName: z.string(),
  householdId: z.nullable(z.string()),
  createdAt: z.string(),
});
export type Seller = z.infer<typeof Seller>;
export const SellerPage = pageOf(Seller);
export const StationSellerParams = z.strictObject({ stationId });

export const Delivery = z.strictObject({
  pickup: z.boolean(),
  /** Shipping with a flat fee per order, or none. */
  shipping: z.nullable(z.strictObject({ feeFen: fen(100_000) })),
});
export type Delivery = z.infer<typeof Delivery>;

export const ListingCreateRequest = z.strictObject({
  sellerId,
  title: freeText(2, 60),
  category: z.enum(PRODUCE_CATEGORY_IDS),
  unit: z.enum(LISTING_UNITS),
  priceFen: fen(MAX_PRICE_FEN, 1),
  stock: fen(MAX_STOCK),
  photos: z.optional(z.array(uploadId).check(z.maxLength(MAX_LISTING_PHOTOS))),
  /** Harvest or slaughter date. */
  harvestDate: z.optional(date),
  description: z.optional(freeTextBlock(0, 2000)),
  delivery: z.optional(Delivery),
});
export type ListingCreateRequest = z.infer<typeof ListingCreateRequest>;

export const ListingUpdateRequest = z.strictObject({
  priceFen: z.optional(fen(MAX_PRICE_FEN, 1)),
  stock: z.optional(fen(MAX_STOCK)),
  status: z.optional(z.enum(LISTING_STATUSES)),
  title: z.optional(freeText(2, 60)),
  description: z.optional(freeTextBlock(0, 2000)),
});
export type ListingUpdateRequest = z.infer<typeof ListingUpdateRequest>;

export const ListingParams = z.strictObject({ listingId });
export const ListingListQuery = z.strictObject({
  category: z.optional(z.enum(PRODUCE_CATEGORY_IDS)),
  /** A division code of any level (province to village): listings of stations inside it. */
  region: z.optional(z.string().check(z.regex(/^63(\d{2}|\d{4}|\d{7}|\d{10})?$/, 'must be a Qinghai division code'))),
  q: z.optional(freeText(1, 40)),
  limit: pageLimit,
  cursor: z.optional(cursor),
});
export const StationPageQuery = z.strictObject({ limit: pageLimit, cursor: z.optional(cursor) });

export const Listing = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  categoryName: z.string(),
  unit: z.enum(LISTING_UNITS),
  unitName: z.string(),
  priceFen: z.number(),
  stock: z.number(),
  status: z.enum(LISTING_STATUSES),
  photos: z.array(FeedImage),
  harvestDate: z.nullable(z.string()),
  description: z.string(),
  delivery: Delivery,
  seller: z.object({ id: z.string(), kind: z.enum(['household', 'cooperative']), displayName: z.string() }),
  /** The origin station and its village, township and county. */
  station: z.object({ id: z.string(), code: z.string(), villageName: z.string(), regionChain: z.array(RegionRef) }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Listing = z.infer<typeof Listing>;
export const ListingPage = pageOf(Listing);

export const ListingChange = z.object({
  at: z.string(),
  action: z.enum(['created', 'price', 'stock', 'status', 'text']),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  by: z.object({ role: z.string(), idTail: z.string(), you: z.boolean() }),
});
export const ListingHistory = pageOf(ListingChange);

export const AddressCreateRequest = z.strictObject({
  name: freeText(1, 20),
  phone: mobilePhone,
  province: freeText(2, 20),
  city: freeText(2, 20),
  county: freeText(2, 20),
  detail: freeText(2, 80),
});
export type AddressCreateRequest = z.infer<typeof AddressCreateRequest>;
/** An address as its owner sees it (the full phone: it is theirs). */
export const Address = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  province: z.string(),
  city: z.string(),
  county: z.string(),
  detail: z.string(),
  createdAt: z.string(),
});
export const AddressList = z.object({ items: z.array(Address), nextCursor: z.null() });

const line = z.strictObject({ listingId, quantity: z.number().check(z.int(), z.gte(1), z.lte(MAX_QUANTITY)) });
export const CartParams = z.strictObject({ sellerId });
/** Replaces the cart of one seller (an empty list empties it). */
export const CartUpdateRequest = z.strictObject({ items: z.array(line).check(z.maxLength(MAX_ORDER_LINES)) });
export const Cart = z.object({
  sellerId: z.string(),
  items: z.array(z.object({ listingId: z.string(), quantity: z.number(), title: z.string(), priceFen: z.number(), available: z.boolean() })),
  subtotalFen: z.number(),
  updatedAt: z.string(),
});
export const CartList = z.object({ items: z.array(Cart), nextCursor: z.null() });

export const OrderCreateRequest = z.strictObject({
  items: z.array(line).check(z.minLength(1), z.maxLength(MAX_ORDER_LINES)),
  delivery: z.union([z.strictObject({ mode: z.literal('pickup') }), z.strictObject({ mode: z.literal('shipping'), addressId })]),
});
export type OrderCreateRequest = z.infer<typeof OrderCreateRequest>;
export const OrderParams = z.strictObject({ orderId });
export const StationOrderParams = z.strictObject({ stationId });

export const Order = z.object({
  id: z.string(),
  status: z.enum(ORDER_STATUSES),
  sellerId: z.string(),
  sellerName: z.string(),
  stationId: z.string(),
  lines: z.array(
    z.object({ listingId: z.string(), title: z.string(), unit: z.string(), priceFen: z.number(), quantity: z.number(), amountFen: z.number() }),
  ),
  itemsFen: z.number(),
  shippingFen: z.number(),
  totalFen: z.number(),
  delivery: z.object({
    mode: z.enum(['pickup', 'shipping']),
    /** Masked in every order view (the full number is in the buyer's own address book only). */
    address: z.nullable(
      z.object({ name: z.string(), phoneMasked: z.string(), province: z.string(), city: z.string(), county: z.string(), detail: z.string() }),
    ),
  }),
  /** Until then the stock is held for payment; after it the order expires and the stock returns. */
  holdUntil: z.string(),
  yours: z.boolean(),
  createdAt: z.string(),
  closedAt: z.nullable(z.string()),
  /** Fulfilment (issue 14): the steps of this order's delivery mode only (no "shipped" for a pickup), each with when it was reached. */
  steps: z.optional(z.array(z.object({ status: z.enum(ORDER_STATUSES), done: z.boolean(), at: z.nullable(z.string()) }))),
  /** The carrier and tracking number once shipped (a consignment's, when the order travels in one). */
  shipment: z.optional(
    z.nullable(z.object({ carrier: z.string(), trackingNo: z.string(), shippedAt: z.string(), consignmentId: z.nullable(z.string()) })),
  ),
  /**
   * The buyer's latest refund request (functions/domain/market/refunds.ts): REQUESTED, then REFUSED (the
   * order back where it was) or APPROVED (REFUNDING, then REFUNDED once the provider's notification arrives).
   */
  refund: z.optional(
    z.nullable(
      z.object({
        status: z.enum(['REQUESTED', 'REFUSED', 'APPROVED', 'REFUNDED']),
        reason: z.string(),
        requestedAt: z.string(),
        note: z.nullable(z.string()),
        decidedAt: z.nullable(z.string()),
        refundedAt: z.nullable(z.string()),
        amountFen: z.number(),
      }),
    ),
  ),
});
export type Order = z.infer<typeof Order>;
export const OrderPage = pageOf(Order);
export const MyOrdersQuery = z.strictObject({ limit: pageLimit, cursor: z.optional(cursor) });

/** What the mini-program hands to wx.requestPayment (WeChat Pay JSAPI, signed by the merchant key). */
export const RequestPaymentResponse = z.object({
  appId: z.string(),
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.literal('RSA'),
  paySign: z.string(),
  /** `stub` locally (pays nobody: the H5 sheet stands in for WeChat's); `wechatpay` when real. */
  provider: z.enum(['stub', 'wechatpay']),
});
