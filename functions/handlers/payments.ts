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
import { createHttpHandler } from '../http/pipeline';
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
});
