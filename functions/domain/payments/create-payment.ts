/**
 * POST /payments: an officer pays a villager's bill with the cash they handed over.
 *
 *   claim the Idempotency-Key ──replay──> the payment the first request made (its current state)
 *        │                    ──held───> 409 IDEMPOTENCY_IN_PROGRESS
 *        │ started
 *   resolve the account, ask the provider what is due, check amounts and limits
 *        │   (any 4xx here releases the key: no payment exists)
 *   start: payment PROCESSING + day reservation (one transaction; DAY_CLOSED / LIMIT_EXCEEDED)
 *        │
 *   provider.pay(our payment id) ──SUCCEEDED──> SUCCEEDED + ledger entry (one transaction)
 *                                ──DECLINED───> FAILED (final, stored: the same key answers it again)
 *                                ──no answer──> stays PROCESSING: the settler asks `status` later
 *        │
 *   complete the key with the payment id
 *
 * From `start` on, the key stays bound to this payment: a retry never pays again, and a request that
 * takes over a dead holder's key reaches the same payment id (and the provider deduplicates on it).
 */
import { BILL_TYPES, STATION_LIMITS, type Payment, type PaymentCreateRequest } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError, notFound } from '../errors';
import { requestHashOf, type IdempotencyStore } from '../idempotency';
import { businessDay } from '../stations/opening-hours';
import type { Station, StationRepository } from '../stations/station';
import { managedStation } from '../stations/station-access';
import { assertProviderConfigured, type BillProvider, type ProviderOutcome } from './bill-provider';
import type { HouseholdRepository } from './household';
import { audited, type AuditSink } from '../audit';
import { lookupWithTimeout } from './bill-lookup';
import { withTimeout } from './provider-timeout';
import { maskName } from './masks';
import { commissionFor, paymentIdFor, receiptNoFor, toPaymentView, type PaymentRecord, type PaymentRepository, type StartResult } from './payment';

export interface PaymentDeps {
  payments: PaymentRepository;
  households: Pick<HouseholdRepository, 'get'>;
  stations: Pick<StationRepository, 'getById'>;
  idempotency: IdempotencyStore;
  provider: BillProvider;
  now?: () => Date;
  /** How long we wait for the provider's answer before treating it as unknown. */
  providerTimeoutMs?: number;
  audit?: AuditSink;
}

const DEFAULT_PROVIDER_TIMEOUT_MS = 8_000;

/** A payment, audited (functions/domain/audit.ts): its id, amount and status, or what refused it. */
export function createPayment(deps: PaymentDeps, caller: Caller, idempotencyKey: string, body: PaymentCreateRequest): Promise<Payment> {
  return audited(
    deps.audit,
    { action: 'payment.create', callerId: caller.userId, stationId: body.stationId, amountFen: body.amountFen },
    () => makePayment(deps, caller, idempotencyKey, body),
    (payment) => ({ paymentId: payment.id, amountFen: payment.amountFen, outcome: payment.status }),
  );
}

async function makePayment(deps: PaymentDeps, caller: Caller, idempotencyKey: string, body: PaymentCreateRequest): Promise<Payment> {
  // The station's own officers pay for it (the route is the officers'); anyone else is told it does not exist.
  const station = await managedStation(deps.stations, caller, body.stationId);
  assertProviderConfigured(deps.provider);

  const requestHash = requestHashOf('createPayment', body);
  const claim = await deps.idempotency.claim({ callerId: caller.userId, key: idempotencyKey, requestHash });
  if (claim.kind === 'in_progress') {
    throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'This payment attempt is still being processed; retry with the same key in a moment', undefined, 1);
  }
  if (claim.kind === 'replay') {
    const { paymentId } = claim.response.body as { paymentId: string };
    const payment = await deps.payments.get(paymentId);
    if (!payment) throw new AppError('CONFLICT', 'The payment of this attempt is no longer available');
    return toPaymentView(payment);
  }

  const paymentId = paymentIdFor(caller.userId, idempotencyKey, requestHash);
  const answerWith = async (payment: PaymentRecord): Promise<Payment> => {
    // We took over the key of a request that died after recording its payment: that payment is the
    // answer, whatever the bill says now (never a second payment, never a 4xx that hides one).
    await deps.idempotency
      .complete({ callerId: caller.userId, key: idempotencyKey, token: claim.token, response: { status: 201, body: { paymentId } } })
      .catch(() => undefined);
    return toPaymentView(payment);
  };
  const existing = claim.resumed ? await deps.payments.get(paymentId) : null;
  if (existing) return answerWith(existing);

  let record: PaymentRecord;
  let started: StartResult;
  try {
    record = await prepare(deps, caller, station, paymentId, body);
    started = await deps.payments.start(record, STATION_LIMITS.perDayMaxFen);
  } catch (error) {
    // Nothing was recorded: the key is free for a corrected request.
    await deps.idempotency.release({ callerId: caller.userId, key: idempotencyKey, token: claim.token }).catch(() => undefined);
    throw error;
  }
  if (started.kind === 'exists') return answerWith(started.payment);

  const outcome = await payWithTimeout(deps, record);
  const { payment: settled } = await applyOutcome(deps, record, outcome);
  await deps.idempotency
    .complete({ callerId: caller.userId, key: idempotencyKey, token: claim.token, response: { status: 201, body: { paymentId } } })
    .catch(() => undefined); // the key stays held until its lock expires; a retry then takes over and finds this payment
  return toPaymentView(settled);
}

/** Everything checked before a payment exists: account, amount due, per-type and per-payment limits (a pay link checks the same). */
export async function prepare(
  deps: Pick<PaymentDeps, 'households' | 'provider' | 'now'>,
  caller: Caller,
  station: Station,
  paymentId: string,
  body: PaymentCreateRequest,
): Promise<PaymentRecord> {
  let accountNo = body.accountNo;
  if (body.householdId) {
    const household = await deps.households.get(body.householdId);
    if (!household || household.stationId !== station.id) throw notFound('Household');
    accountNo ??= household.billBook[body.billType]?.accountNo;
    if (!accountNo) {
      throw new AppError('VALIDATION_FAILED', `The household has no ${body.billType} account in its bill book: give accountNo`, [
        { path: 'body.accountNo', message: 'is required: the bill book has no account of this type', code: 'missing' },
      ]);
    }
  }
  if (!accountNo) {
    throw new AppError('VALIDATION_FAILED', 'Give accountNo, or a householdId whose bill book has this bill type', [
      { path: 'body.accountNo', message: 'is required without a householdId', code: 'missing' },
    ]);
  }

  const type = BILL_TYPES[body.billType];
  const limitError = (message: string, detail: string, code: string) =>
    new AppError('LIMIT_EXCEEDED', message, [{ path: 'body.amountFen', message: detail, code }]);
  if (body.amountFen > STATION_LIMITS.perPaymentMaxFen) {
    throw limitError(
      `One payment may be at most ${STATION_LIMITS.perPaymentMaxFen} fen`,
      `at most ${STATION_LIMITS.perPaymentMaxFen}`,
      'per_payment_limit',
    );
  }
  if (body.amountFen > type.maxFen) {
    throw limitError(`A ${body.billType} payment may be at most ${type.maxFen} fen`, `between ${type.minFen} and ${type.maxFen}`, 'bill_type_range');
  }
  if (body.amountFen < type.minFen) {
    // Under the minimum is not a limit reached but an amount the provider does not take.
    throw new AppError('VALIDATION_FAILED', `A ${body.billType} payment must be at least ${type.minFen} fen`, [
      { path: 'body.amountFen', message: `between ${type.minFen} and ${type.maxFen}`, code: 'bill_type_range' },
    ]);
  }
  const bill = await lookupWithTimeout(deps.provider, body.billType, accountNo);
  if (type.kind === 'postpaid' && bill.amountDueFen !== body.amountFen) {
    throw new AppError('CONFLICT', `This bill is due ${bill.amountDueFen ?? 0} fen: a postpaid bill is paid exactly`, [
      { path: 'body.amountFen', message: `must be ${bill.amountDueFen ?? 0}, the amount due`, code: 'amount_due_mismatch' },
    ]);
  }
  const cashReceivedFen = body.cashReceivedFen ?? body.amountFen;
  if (cashReceivedFen < body.amountFen) {
    throw new AppError('VALIDATION_FAILED', 'The cash received is less than the amount', [
      { path: 'body.cashReceivedFen', message: 'must be at least amountFen', code: 'too_small' },
    ]);
  }

  const now = deps.now?.() ?? new Date();
  const businessDate = businessDay(now);
  return {
    id: paymentId,
    receiptNo: receiptNoFor(paymentId, businessDate),
    status: 'PROCESSING',
    stationId: station.id,
    stationCode: station.code,
    stationVillageCode: station.villageCode,
    stationVillageName: station.villageName,
    officerId: caller.userId,
    // The station keeps its officers' names in step with appointments: no second read.
    officerName: station.officers?.[caller.userId] ?? null,
    billType: body.billType,
    accountNo,
    holderNameMasked: maskName(bill.holderName),
    amountFen: body.amountFen,
    commissionFen: commissionFor(body.billType),
    cashReceivedFen,
    householdId: body.householdId ?? null,
    payerPhone: body.payerPhone ?? null,
    createdAt: now.toISOString(),
    businessDate,
    settledAt: null,
    ledgerDate: null,
    providerRef: null,
    failureCode: null,
    voided: null,
    statusChecks: 0,
    sandbox: deps.provider.sandbox,
  };
}

/** The provider's answer, or UNKNOWN when it threw or took too long: never a reason to pay again. */
async function payWithTimeout(deps: PaymentDeps, p: PaymentRecord): Promise<ProviderOutcome> {
  const paid = deps.provider
    .pay({ paymentId: p.id, billType: p.billType, accountNo: p.accountNo, amountFen: p.amountFen })
    .catch((): ProviderOutcome => ({ outcome: 'UNKNOWN' }));
  return withTimeout(paid, deps.providerTimeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS, (): ProviderOutcome => ({ outcome: 'UNKNOWN' }));
}

/**
 * Moves a PROCESSING payment to what the provider said, and returns it as it now stands, with
 * whether this call made the move. Used by the request that paid and by the settler; whichever
 * comes second finds it settled and changes nothing.
 */
export async function applyOutcome(
  deps: Pick<PaymentDeps, 'payments' | 'now'>,
  p: PaymentRecord,
  outcome: ProviderOutcome,
): Promise<{ payment: PaymentRecord; changed: boolean }> {
  const now = deps.now?.() ?? new Date();
  const at = now.toISOString();
  try {
    if (outcome.outcome === 'SUCCEEDED') {
      // A settlement posts to the business day it happens on.
      const ledgerDate = businessDay(now);
      if (await deps.payments.succeed(p, outcome.providerRef, at, ledgerDate)) {
        return { payment: { ...p, status: 'SUCCEEDED', settledAt: at, ledgerDate, providerRef: outcome.providerRef }, changed: true };
      }
    } else if (outcome.outcome === 'DECLINED' || outcome.outcome === 'NOT_CHARGED') {
      const failureCode = outcome.outcome === 'DECLINED' ? outcome.declineCode : 'NOT_CHARGED';
      if (await deps.payments.fail(p, failureCode, at)) return { payment: { ...p, status: 'FAILED', settledAt: at, failureCode }, changed: true };
    } else {
      return { payment: p, changed: false };
    }
  } catch {
    // Our write failed after the provider answered: the payment stays PROCESSING and the settler,
    // asking the provider (which deduplicates on the payment id), settles it.
    return { payment: p, changed: false };
  }
  // Someone else (a racing settler run) settled it first: answer with what they stored.
  return { payment: (await deps.payments.get(p.id).catch(() => null)) ?? p, changed: false };
}
