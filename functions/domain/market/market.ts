/**
 * The produce marketplace's records and the repositories the domain needs (functions/data implements them).
 *
 *   listing:  ACTIVE <──> PAUSED ──> ENDED        (officer of its station; every change recorded)
 *   order:    PENDING_PAYMENT ──pay (callback)──> PAID
 *                   │ ├──cancel (buyer)──────────> CANCELLED ┐ stock returns, the buyer's unpaid
 *                   │ └──hold over (job or a read)─> EXPIRED  ┘ counter drops: exactly once (status condition)
 *                   │       (both only after the provider order is closed: functions/domain/market/order-payment.ts)
 *
 * Stock lives on the listing item; an order takes it in its own transaction with `stock >= :qty`, so
 * it never oversells, and gives it back in the transaction that closes the order.
 */
import type { Delivery, ListingStatus, ListingUnit, OrderStatus, ProduceCategory, RegionRef } from '../../../shared';
import type { Page, PageRequest } from '../page';
import type { StoredImage } from '../uploads/check-uploads';

export interface SellerRecord {
  id: string;
  stationId: string;
  stationVillageCode: string;
  kind: 'household' | 'cooperative';
  displayName: string;
  householdId: string | null;
  consent: { at: string; recordedBy: string };
  createdAt: string;
}

export interface ListingRecord {
  id: string;
  sellerId: string;
  sellerKind: SellerRecord['kind'];
  sellerName: string;
  stationId: string;
  stationVillageCode: string;
  stationCode: string;
  villageName: string;
  regionChain: RegionRef[];
  title: string;
  category: ProduceCategory;
  unit: ListingUnit;
  priceFen: number;
  stock: number;
  status: ListingStatus;
  photos: StoredImage[];
  harvestDate: string | null;
  description: string;
  delivery: Delivery;
  /** Pinyin of the title and the places, and initials, for keyword search. */
  pinyin: string;
  initials: string;
  createdAt: string;
  updatedAt: string;
}

export interface ListingChangeRecord {
  at: string;
  action: 'created' | 'price' | 'stock' | 'status' | 'text';
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  byUserId: string;
  byRole: string;
}

export interface OrderLine {
  listingId: string;
  title: string;
  unit: string;
  priceFen: number;
  quantity: number;
  amountFen: number;
}

export interface AddressRecord {
  id: string;
  name: string;
  phone: string;
  province: string;
  city: string;
  county: string;
  detail: string;
  createdAt: string;
}

export interface OrderRecord {
  id: string;
  buyerId: string;
  sellerId: string;
  sellerName: string;
  stationId: string;
  stationVillageCode: string;
  status: OrderStatus;
  lines: OrderLine[];
  itemsFen: number;
  shippingFen: number;
  totalFen: number;
  delivery: { mode: 'pickup' | 'shipping'; address: Omit<AddressRecord, 'id' | 'createdAt'> | null };
  holdUntil: string;
  createdAt: string;
  closedAt: string | null;
  /** WeChat Pay's transaction id, once paid. */
  transactionId?: string;
  paidAt?: string;
  /** Fulfilment (issue 14, functions/domain/market/fulfilment.ts): when each step was reached, and by whom receipt was confirmed. */
  readyAt?: string;
  handedOverAt?: string;
  receivedAt?: string;
  receivedBy?: 'buyer' | 'officer';
  shipment?: { carrier: string; trackingNo: string; shippedAt: string; consignmentId: string | null };
  /** The pickup code the buyer shows at the station (never in a view but the buyer's own code route). */
  pickupCode?: string;
  /** A success that arrived after the order was released, refunded through the provider. */
  refund?: LateRefund;
  /** The buyer's latest refund request and what became of it (functions/domain/market/refunds.ts). */
  refundRequest?: RefundRequestRecord;
  /** The status a refund was requested from (copied from the stored status by the request's write): where a refusal returns it. */
  refundFrom?: OrderStatus;
}

export interface RefundRequestRecord {
  reason: string;
  requestedAt: string;
  decision: null | { approved: boolean; note: string | null; byUserId: string; at: string };
  /** Set by the provider's verified REFUND.SUCCESS notification, with the station's refund line. */
  refunded: null | { refundId: string; outRefundNo: string; amountFen: number; at: string; businessDate: string };
}

export interface LateRefund {
  outRefundNo: string;
  refundId: string;
  transactionId: string;
  amountFen: number;
  at: string;
  businessDate: string;
}

export interface CartRecord {
  sellerId: string;
  items: Array<{ listingId: string; quantity: number }>;
  updatedAt: string;
}

export interface SellerRepository {
  /** `duplicate` when the household is a seller already (nothing stored). */
  create(seller: SellerRecord): Promise<'created' | 'duplicate'>;
  get(id: string): Promise<SellerRecord | null>;
  listOfStation(stationId: string, page: PageRequest): Promise<Page<SellerRecord>>;
}

export interface ListingRepository {
  /** The listing, its first change and its photos' attachment, one transaction. */
  create(listing: ListingRecord, change: ListingChangeRecord, newUploadIds: string[], uploaderId: string): Promise<void>;
  get(id: string): Promise<ListingRecord | null>;
  /** Up to 100 listings by id (one BatchGet), missing ones skipped. */
  getMany(ids: string[]): Promise<ListingRecord[]>;
  /**
   * Applies `set` if the listing is still as `expected` (its updatedAt: an officer's edit never
   * overwrites an order's stock move it did not see... except stock itself, which is SET as asked),
   * records the changes, moves the index keys with the status; null when it moved meanwhile.
   */
  update(
    current: ListingRecord,
    set: Partial<Pick<ListingRecord, 'priceFen' | 'stock' | 'status' | 'title' | 'description' | 'pinyin' | 'initials'>>,
    changes: ListingChangeRecord[],
  ): Promise<ListingRecord | null>;
  changes(id: string, page: PageRequest): Promise<Page<ListingChangeRecord>>;
  /** Active listings inside a region, optionally of one category, by village code: ONE Query. */
  browse(query: { region: string; category?: ProduceCategory }, page: PageRequest): Promise<Page<ListingRecord>>;
  /** Every active listing of a province (the keyword search's corpus). */
  activeInProvince(provinceCode: string): Promise<ListingRecord[]>;
  ofStation(stationId: string, page: PageRequest): Promise<Page<ListingRecord>>;
}

export interface OrderRepository {
  /**
   * One transaction: the order (attribute_not_exists: its id derives from the idempotency key), each
   * line's listing `stock >= :qty AND priceFen = :price AND status = ACTIVE` then stock -= qty, and the
   * buyer's unpaid counter `< MAX` then += 1. `exists` when this order was stored before; otherwise
   * which condition failed.
   */
  place(order: OrderRecord, maxUnpaid: number): Promise<'placed' | 'exists' | 'out_of_stock' | 'changed' | 'limit'>;
  get(id: string): Promise<OrderRecord | null>;
  /**
   * PENDING_PAYMENT ──> `to`, its stock back and the buyer's counter down, one transaction conditional on
   * the status: of any number of concurrent calls exactly one gets the order, the others null.
   */
  release(order: OrderRecord, to: 'CANCELLED' | 'EXPIRED', at: string): Promise<OrderRecord | null>;
  ofBuyer(buyerId: string, page: PageRequest): Promise<Page<OrderRecord>>;
  ofStation(stationId: string, page: PageRequest): Promise<Page<OrderRecord>>;
  /**
   * PENDING_PAYMENT ──> PAID (status and amount as expected), the hold index and the buyer's counter
   * dropped, the station's non-cash day totals moved and one ledger entry written (keyed by the order):
   * ONE transaction, so of any number of concurrent notifications exactly one pays it. Null otherwise.
   */
  markPaid(order: OrderRecord, payment: { transactionId: string; amountFen: number; at: string; businessDate: string }): Promise<OrderRecord | null>;
  /**
   * A late success's refund recorded on its released order (EXPIRED or CANCELLED, none recorded yet)
   * with one refund line on the station's non-cash day: ONE transaction; false when already recorded.
   */
  recordLateRefund(order: OrderRecord, refund: LateRefund): Promise<boolean>;
  /** Pending orders whose hold ended before `at`, up to `limit` per shard. */
  dueHolds(at: string, limit: number): Promise<OrderRecord[]>;
}

export interface BuyerRepository {
  /** false when the buyer has MAX_ADDRESSES already (a condition on their counter). */
  addAddress(userId: string, address: AddressRecord, max: number): Promise<boolean>;
  addresses(userId: string): Promise<AddressRecord[]>;
  address(userId: string, id: string): Promise<AddressRecord | null>;
  putCart(userId: string, cart: CartRecord): Promise<void>;
  removeCart(userId: string, sellerId: string): Promise<void>;
  carts(userId: string): Promise<CartRecord[]>;
}

/** Pinyin of free text for search (functions/adapters/pinyin.ts). */
export interface Speller {
  spell(text: string): { full: string; initials: string };
}

export const idTail = (id: string) => id.slice(-4);
