import { billProvider } from '../adapters/bill-providers';
import { dynamoHouseholdRepository } from '../data/households-repository';
import { createIdempotencyStore } from '../data/idempotency-store';
import { dynamoPaymentRepository } from '../data/payments-repository';
import { takeRateLimitToken } from '../data/rate-limiter';
import { dynamoStationRepository } from '../data/stations-repository';
import { listBillTypes, lookupBillFor } from '../domain/payments/bill-lookup';
import { createPayment } from '../domain/payments/create-payment';
import { createHousehold, householdFor, issueLinkCode, linkHousehold, saveBillBookEntry, stationHouseholds, toHouseholdView } from '../domain/payments/household';
import { closeDay, getPayment, listStationPayments, regionDays, stationCloses, stationLedger, voidPayment } from '../domain/payments/ledger';
import { myPayments } from '../domain/payments/my-payments';
import { managedStation } from '../domain/stations/station-access';
import { createHttpHandler, HttpResult } from '../http/pipeline';

/** The sandbox in every stage for now (BILL_PROVIDER): the issue asks for a real interface, not a real provider. */
const provider = billProvider();
const payments = dynamoPaymentRepository;
const households = dynamoHouseholdRepository;
const stations = dynamoStationRepository;
const householdDeps = { households, rateLimiter: takeRateLimitToken };
const paymentDeps = {
  payments,
  households,
  provider,
  idempotency: createIdempotencyStore(),
  getStation: (id: string) => stations.getById(id),
};

export const handler = createHttpHandler('payments', {
  billTypes: async () => listBillTypes(),
  billLookup: ({ caller, body }) => lookupBillFor({ households, provider, rateLimit: takeRateLimitToken }, caller, body),
  createPayment: async ({ caller, body, idempotencyKey }) => {
    const result = await createPayment(paymentDeps, caller, idempotencyKey, body);
    return new HttpResult(result.status, result.payment);
  },
  getPayment: ({ caller, params }) => getPayment({ payments }, caller, params.paymentId),
  voidPayment: ({ caller, params, body }) => voidPayment({ payments, provider }, caller, params.paymentId, body.reason),
  myPayments: ({ caller, query }) => myPayments({ payments, households }, caller, query),
  stationPayments: async ({ caller, params, query }) => listStationPayments({ payments }, await managedStation(stations, caller, params.stationId), query),
  stationLedger: async ({ caller, params, query }) => stationLedger({ payments }, await managedStation(stations, caller, params.stationId), query),
  closeDay: async ({ caller, params, body }) => closeDay({ payments }, caller, await managedStation(stations, caller, params.stationId), body),
  stationReconciliations: async ({ caller, params, query }) => stationCloses({ payments }, await managedStation(stations, caller, params.stationId), query),
  regionReconciliations: ({ caller, params, query }) => regionDays({ payments, stations }, caller, params.code, query),
  createHousehold: async ({ caller, params, body }) => createHousehold(householdDeps, caller, await managedStation(stations, caller, params.stationId), body),
  stationHouseholds: async ({ caller, params, query }) => stationHouseholds(householdDeps, await managedStation(stations, caller, params.stationId), query),
  getHousehold: async ({ caller, params }) => toHouseholdView(await householdFor(householdDeps, caller, params.householdId)),
  saveBillBookEntry: ({ caller, params, body }) => saveBillBookEntry(householdDeps, caller, params.householdId, params.billType, body.accountNo),
  linkHousehold: ({ caller, params, body }) => linkHousehold(householdDeps, caller, params.householdId, body.code),
  householdLinkCode: ({ caller }) => issueLinkCode(householdDeps, caller),
});
