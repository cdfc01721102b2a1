/**
 * Voids a succeeded payment while the provider has not settled it: the provider settles a station's
 * payments when the business day holding them closes, so a payment whose day is still open can be
 * voided; the VOID entry goes on that same day. Three steps, so that no crash between them can
 * leave the provider and the ledger disagreeing:
 *   SUCCEEDED -> VOIDING (in flight: the day cannot close) -> provider.cancel -> VOIDED + VOID entry
 *                                                                     (refused) -> SUCCEEDED
 * A void interrupted after the first step is finished by the settler.
 */
import type { Payment } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { audited, type AuditSink } from '../audit';
import { AppError } from '../errors';
import { managedRecord } from '../stations/station-access';
import { assertProviderConfigured, type BillProvider } from './bill-provider';
import { toPaymentView, type PaymentRecord, type PaymentRepository } from './payment';
import { PROVIDER_TIMEOUT_MS, withTimeout } from './provider-timeout';

export interface VoidDeps {
  payments: PaymentRepository;
  provider: BillProvider;
  providerTimeoutMs?: number;
  audit?: AuditSink;
  now?: () => Date;
}

/** A void, audited (functions/domain/audit.ts): VOIDED, VOIDING (finished later), or what refused it. */
export async function voidPayment(deps: VoidDeps, caller: Caller, paymentId: string, reason: string): Promise<Payment> {
  const payment = managedRecord(caller, await deps.payments.get(paymentId), 'Payment');
  return audited(
    deps.audit,
    { action: 'payment.void', callerId: caller.userId, stationId: payment.stationId, paymentId, amountFen: payment.amountFen },
    () => voidManaged(deps, caller, payment, reason),
    (voided) => ({ outcome: voided.status }),
  );
}

async function voidManaged(deps: VoidDeps, caller: Caller, payment: PaymentRecord, reason: string): Promise<Payment> {
  assertProviderConfigured(deps.provider);
  if (payment.status !== 'SUCCEEDED') {
    throw new AppError('CONFLICT', `A ${payment.status.toLowerCase()} payment cannot be voided: only a succeeded one, once`);
  }
  const request = { reason, at: (deps.now?.() ?? new Date()).toISOString(), by: caller.userId };
  await deps.payments.beginVoid(payment, request);
  const voiding: PaymentRecord = { ...payment, status: 'VOIDING', voidRequest: request };
  const finished = await finishVoid(deps, voiding);
  if (finished.status === 'SUCCEEDED') throw new AppError('CONFLICT', 'The provider has settled this payment already and refuses to cancel it');
  return toPaymentView(finished);
}

/**
 * Asks the provider to cancel a VOIDING payment and records its answer (the void route and the
 * settler). No answer in time (or an error) leaves it VOIDING: the settler asks again later, and the
 * officer is shown "作废处理中" (look before returning cash).
 */
export async function finishVoid(
  deps: Pick<VoidDeps, 'payments' | 'provider' | 'providerTimeoutMs'>,
  payment: PaymentRecord,
): Promise<PaymentRecord> {
  const noAnswer = () => null;
  const answer = await withTimeout(deps.provider.cancel(payment.id).catch(noAnswer), deps.providerTimeoutMs ?? PROVIDER_TIMEOUT_MS, noAnswer);
  if (!answer) return payment;
  const moved = answer.outcome === 'CANCELLED' ? await deps.payments.completeVoid(payment) : await deps.payments.abandonVoid(payment);
  if (!moved) return (await deps.payments.get(payment.id)) ?? payment;
  return answer.outcome === 'CANCELLED'
    ? { ...payment, status: 'VOIDED', voided: payment.voidRequest ?? null, voidRequest: null }
    : { ...payment, status: 'SUCCEEDED', voidRequest: null };
}
