import { pinyinSpeller } from '../adapters/pinyin';
import { s3ImageStore } from '../adapters/s3-image-store';
import { offsetCursor } from '../data/cursor';
import { dynamoHouseholdRepository } from '../data/households-repository';
import { createIdempotencyStore } from '../data/idempotency-store';
import { dynamoListingRepository, dynamoSellerRepository } from '../data/market-repository';
import { dynamoBuyerRepository, dynamoOrderRepository } from '../data/orders-repository';
import { dynamoStationRepository } from '../data/stations-repository';
import { dynamoUploadRepository } from '../data/uploads-repository';
import { addAddress, myAddresses, myCarts, putCart } from '../domain/market/buyer';
import { getListing, listListings } from '../domain/market/listing-read';
import { createListing, listingHistory, stationListings, updateListing } from '../domain/market/listing-write';
import { cancelOrder, getOrder, myOrders, placeOrder, stationOrders } from '../domain/market/orders';
import { createSeller, listCategories, listSellers } from '../domain/market/sellers';
import { issueSellerLinkCode, linkSeller, mySellers } from '../domain/market/seller-account';
import { dynamoSellerAccountRepository } from '../data/seller-accounts-repository';
import { takeRateLimitToken } from '../data/rate-limiter';
import { handlePaymentNotification, payOrder } from '../domain/market/order-payment';
import { createHttpHandler, HttpResult } from '../http/pipeline';
import { stagePaymentDeps, wechatPayProvider } from '../adapters/wechat-pay-providers';
import { buyerAccount } from '../adapters/buyer-account';
import { confirmStubPayment, deliverStubRefund } from '../adapters/wechat-pay-stub-sheet';
import { dynamoRefundRepository } from '../data/refunds-repository';
import { decideRefund, handleRefundNotification, requestRefund } from '../domain/market/refunds';
import { qrSvgDataUri } from '../adapters/qr-image';
import { dynamoFulfilmentRepository } from '../data/fulfilment-repository';
import {
  confirmPickup,
  confirmReceipt,
  consignOrders,
  lookupPickup,
  markReady,
  pickupCodeOf,
  shipOrder,
  stationManifest,
} from '../domain/market/fulfilment';

const listings = dynamoListingRepository;
const sellers = dynamoSellerRepository;
const orders = dynamoOrderRepository;
const buyers = dynamoBuyerRepository;
const stations = dynamoStationRepository;
const images = s3ImageStore;
const sellerDeps = { sellers, stations, households: dynamoHouseholdRepository };
const writeDeps = { listings, sellers, stations, images, uploads: dynamoUploadRepository, speller: pinyinSpeller };
const readDeps = { listings, images, offsets: offsetCursor };
const buyerDeps = { buyers, listings, sellers };
const sellerAccountDeps = { accounts: dynamoSellerAccountRepository, sellers, rateLimiter: takeRateLimitToken };
const fulfilmentDeps = { orders, stations, fulfilment: dynamoFulfilmentRepository, rateLimit: takeRateLimitToken, qrImage: qrSvgDataUri };
const refundDeps = { orders, refunds: dynamoRefundRepository };
const idempotency = createIdempotencyStore();
type Log = { error: (message: string, details: Record<string, unknown>) => void };
/** The orders domain with the stage's provider (closed before a hold is released, queried when an order is opened). */
const orderDeps = (log: Log) => ({
  orders,
  listings,
  buyers,
  stations,
  idempotency,
  payment: () => stagePaymentDeps({ orders, ...buyerAccount, alert: (message, details) => log.error(message, details) }),
});

export const handler = createHttpHandler('market', {
  listCategories: async () => listCategories(),
  createSeller: ({ caller, params, body }) => createSeller(sellerDeps, caller, params.stationId, body),
  listSellers: ({ caller, params, query }) => listSellers(sellerDeps, caller, params.stationId, query),
  sellerLinkCode: ({ caller, params }) => issueSellerLinkCode(sellerAccountDeps, caller, params.sellerId),
  linkSeller: ({ caller, body }) => linkSeller(sellerAccountDeps, caller, body.code),
  mySellers: ({ caller }) => mySellers(sellerAccountDeps, caller),
  createListing: ({ caller, body }) => createListing(writeDeps, caller, body),
  listListings: ({ query }) => listListings(readDeps, query),
  getListing: ({ params }) => getListing(readDeps, params.listingId),
  updateListing: ({ caller, params, body }) => updateListing(writeDeps, caller, params.listingId, body),
  listingHistory: ({ caller, params, query }) => listingHistory(writeDeps, caller, params.listingId, query),
  stationListings: ({ caller, params, query }) => stationListings(writeDeps, caller, params.stationId, query),
  createAddress: ({ caller, body }) => addAddress(buyerDeps, caller, body),
  myAddresses: ({ caller }) => myAddresses(buyerDeps, caller),
  putCart: ({ caller, params, body }) => putCart(buyerDeps, caller, params.sellerId, body),
  myCarts: ({ caller }) => myCarts(buyerDeps, caller),
  createOrder: ({ caller, body, idempotencyKey, log }) => placeOrder(orderDeps(log), caller, idempotencyKey, body),
  getOrder: ({ caller, params, log }) => getOrder(orderDeps(log), caller, params.orderId),
  myOrders: ({ caller, query, log }) => myOrders(orderDeps(log), caller, query),
  cancelOrder: ({ caller, params, log }) => cancelOrder(orderDeps(log), caller, params.orderId),
  confirmStubPayment: async ({ caller, params, log }) => {
    const outcome = await confirmStubPayment(
      { orders, ...buyerAccount, alert: (message, details) => log.error(message, details) },
      caller,
      params.orderId,
    );
    log.info('stub payment confirmed', { outcome: outcome.kind });
    return getOrder(orderDeps(log), caller, params.orderId);
  },
  payOrder: async ({ caller, params }) => {
    const pay = await wechatPayProvider();
    const params_ = await payOrder({ ...pay, orders, ...buyerAccount }, caller, params.orderId);
    return { ...params_, provider: pay.mode };
  },
  wechatPayWebhook: async ({ headers, rawBody, log }) => {
    const pay = await wechatPayProvider();
    const outcome = await handlePaymentNotification(
      { ...pay, orders, ...buyerAccount, alert: (message, details) => log.error(message, details) },
      headers,
      rawBody ?? '',
    );
    log.info('wechat pay notification', {
      outcome: outcome.kind,
      ...(outcome.kind === 'rejected' ? { reason: outcome.reason } : { orderId: outcome.orderId }),
    });
    // WeChat Pay retries anything but 2xx: a rejected notification gets 401 FAIL; handled (a duplicate too) 204.
    return outcome.kind === 'rejected' ? new HttpResult(401, { code: 'FAIL', message: `rejected: ${outcome.reason}` }) : new HttpResult(204, '');
  },
  stationOrders: ({ caller, params, query, log }) => stationOrders(orderDeps(log), caller, params.stationId, query),
  pickupCode: ({ caller, params }) => pickupCodeOf(fulfilmentDeps, caller, params.orderId),
  lookupPickup: ({ caller, params, body }) => lookupPickup(fulfilmentDeps, caller, params.stationId, body.code),
  confirmPickup: ({ caller, params, body }) => confirmPickup(fulfilmentDeps, caller, params.stationId, body.code),
  markOrderReady: ({ caller, params }) => markReady(fulfilmentDeps, caller, params.orderId),
  shipOrder: ({ caller, params, body }) => shipOrder(fulfilmentDeps, caller, params.orderId, body),
  confirmReceipt: ({ caller, params }) => confirmReceipt(fulfilmentDeps, caller, params.orderId),
  stationManifest: ({ caller, params }) => stationManifest(fulfilmentDeps, caller, params.stationId),
  createConsignment: ({ caller, params, body }) => consignOrders(fulfilmentDeps, caller, params.stationId, body),
  requestRefund: ({ caller, params, body }) => requestRefund(refundDeps, caller, params.orderId, body),
  decideRefund: async ({ caller, params, body, log }) => {
    const alert = (message: string, details: Record<string, unknown>) => log.error(message, details);
    const provider = async () => ({ ...(await wechatPayProvider()), alert });
    const decided = await decideRefund(refundDeps, provider, caller, params.orderId, body);
    if (body.decision !== 'approve') return decided;
    // Locally the stub then sends its signed refund notification; the refund is made already, so a failed
    // delivery is only logged (approving again delivers again; a deployed provider retries by itself).
    const delivered = await deliverStubRefund({ ...refundDeps, alert }, params.orderId).catch((error: Error) => {
      log.error('stub refund notification not delivered', { orderId: params.orderId, message: error.message });
      return null;
    });
    if (!delivered) return decided;
    log.info('stub refund notification delivered', { outcome: delivered.kind });
    return getOrder(orderDeps(log), caller, params.orderId);
  },
  refundWebhook: async ({ headers, rawBody, log }) => {
    const { keys, merchant } = await wechatPayProvider();
    const outcome = await handleRefundNotification(
      { ...refundDeps, keys, merchant, alert: (message, details) => log.error(message, details) },
      headers,
      rawBody ?? '',
    );
    log.info('wechat pay refund notification', {
      outcome: outcome.kind,
      ...(outcome.kind === 'rejected' ? { reason: outcome.reason } : { orderId: outcome.orderId }),
    });
    return outcome.kind === 'rejected' ? new HttpResult(401, { code: 'FAIL', message: `rejected: ${outcome.reason}` }) : new HttpResult(204, '');
  },
});
