import { billProvider, billProviderModeNow } from '../adapters/bill-providers';
import { dynamoHouseholdRepository } from '../data/households-repository';
import { createIdempotencyStore } from '../data/idempotency-store';
import { dynamoLedgerRepository } from '../data/ledger-repository';
import { dynamoPaymentRepository } from '../data/payments-repository';
import { takeRateLimitToken } from '../data/rate-limiter';
import { dynamoStationRepository } from '../data/stations-repository';
import { dynamoUserRepository } from '../data/users-repository';
import { listBillTypes, lookupBill } from '../domain/payments/bill-lookup';
import { createPayment } from '../domain/payments/create-payment';
import { createHousehold, getHousehold, issueLinkCode, linkHousehold, saveBillBookEntry, stationHouseholds } from '../domain/payments/household';
import { closeDay, regionDays, stationCloses, stationLedger } from '../domain/payments/ledger';
import { dynamoNonCashLedger } from '../data/non-cash-ledger-repository';
import { getPayment, listStationPayments, myPayments } from '../domain/payments/payment-queries';
import { voidPayment } from '../domain/payments/void-payment';
import { createHttpHandler, HttpResult } from '../http/pipeline';
import { confirmPayLinkStub } from '../adapters/pay-link-stub-sheet';
import { payLinkWechat } from '../adapters/wechat-pay-providers';
import { dynamoNonCashLedgerRepository } from '../data/noncash-ledger-repository';
import { dynamoPayRequestRepository } from '../data/pay-requests-repository';
import { stationNonCashLedger } from '../domain/payments/noncash-ledger';
import { createPayRequest, getPayRequest, handlePayLinkNotification, openPayLink, payPayLink } from '../domain/payments/pay-link';
import { auditLog } from '../logging/audit-log';

const payments = dynamoPaymentRepository;
const ledger = dynamoLedgerRepository;
const households = dynamoHouseholdRepository;
const stations = dynamoStationRepository;
const householdDeps = { households, stations, users: dynamoUserRepository, rateLimiter: takeRateLimitToken };
const idempotency = createIdempotencyStore();
const audit = auditLog;
// billProvider() is asked for by the routes that need one: without a provider they answer 503
// PROVIDER_NOT_CONFIGURED after their access check and before anything is written.
const paymentDeps = () => ({ payments, households, stations, provider: billProvider(), idempotency, audit });
// Remote pay links: the bill provider pays once WeChat Pay's signed notification is in.
const requests = dynamoPayRequestRepository;
const openidOf = async (userId: string) => (await dynamoUserRepository.get(userId))?.openid ?? '';
const payLinkDeps = (alert?: (message: string, details: Record<string, unknown>) => void) => ({ requests, provider: billProvider(), alert });

export const handler = createHttpHandler('payments', {
  billTypes: async () => ({ ...listBillTypes(), provider: { mode: billProviderModeNow() } }),
  billLookup: ({ caller, body }) => lookupBill({ provider: billProvider(), households, rateLimit: takeRateLimitToken }, caller, body),
  createPayment: ({ caller, body, idempotencyKey }) => createPayment(paymentDeps(), caller, idempotencyKey, body),
  getPayment: ({ caller, params }) => getPayment({ payments }, caller, params.paymentId),
  voidPayment: ({ caller, params, body }) => voidPayment({ payments, provider: billProvider(), audit }, caller, params.paymentId, body.reason),
  myPayments: ({ caller, query }) => myPayments({ payments, households }, caller, query),
  stationPayments: ({ caller, params, query }) => listStationPayments({ payments, stations }, caller, params.stationId, query),
  stationLedger: ({ caller, params, query }) => stationLedger({ ledger, stations, nonCash: dynamoNonCashLedger }, caller, params.stationId, query),
  closeDay: ({ caller, params, body }) => closeDay({ ledger, stations, audit }, caller, params.stationId, body),
  stationReconciliations: ({ caller, params, query }) => stationCloses({ ledger, stations }, caller, params.stationId, query),
  regionReconciliations: ({ caller, params, query }) => regionDays({ ledger, stations }, caller, params.code, query),
  createHousehold: ({ caller, params, body }) => createHousehold(householdDeps, caller, params.stationId, body),
  stationHouseholds: ({ caller, params, query }) => stationHouseholds(householdDeps, caller, params.stationId, query),
  getHousehold: ({ caller, params }) => getHousehold(householdDeps, caller, params.householdId),
  saveBillBookEntry: ({ caller, params, body }) => saveBillBookEntry(householdDeps, caller, params.householdId, params.billType, body.accountNo),
  linkHousehold: ({ caller, params, body }) => linkHousehold(householdDeps, caller, params.householdId, body.code),
  householdLinkCode: ({ caller }) => issueLinkCode(householdDeps, caller),
  createPayRequest: ({ caller, params, body, idempotencyKey }) =>
    createPayRequest({ ...payLinkDeps(), stations, households, idempotency }, caller, params.stationId, idempotencyKey, body),
  getPayRequest: ({ caller, params }) => getPayRequest({ requests }, caller, params.payRequestId),
  openPayLink: ({ params }) => openPayLink({ requests }, params.token),
  payPayLink: async ({ caller, params, locale }) => {
    const pay = await payLinkWechat();
    return { ...(await payPayLink({ requests, ...pay, openidOf }, caller, params.token, locale)), provider: pay.mode };
  },
  confirmPayLinkStub: async ({ caller, params, log, locale }) => {
    const deps = { ...payLinkDeps((message, details) => log.error(message, details)), ...(await payLinkWechat()), openidOf };
    const outcome = await confirmPayLinkStub(deps, caller, params.token, locale);
    log.info('stub pay link confirmed', { outcome: outcome.kind });
    return openPayLink({ requests }, params.token);
  },
  payLinkWebhook: async ({ headers, rawBody, log }) => {
    const deps = { ...payLinkDeps((message, details) => log.error(message, details)), ...(await payLinkWechat()) };
    const outcome = await handlePayLinkNotification(deps, headers, rawBody ?? '');
    log.info('wechat pay notification (pay link)', {
      outcome: outcome.kind,
      ...(outcome.kind === 'rejected' ? { reason: outcome.reason } : { payRequestId: outcome.payRequestId }),
    });
    return outcome.kind === 'rejected' ? new HttpResult(401, { code: 'FAIL', message: `rejected: ${outcome.reason}` }) : new HttpResult(204, '');
  },
  stationNonCashLedger: ({ caller, params, query }) =>
    stationNonCashLedger({ ledger: dynamoNonCashLedgerRepository, stations }, caller, params.stationId, query),
});
