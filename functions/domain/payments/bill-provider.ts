import type { BillType } from '../../../shared';
import { AppError } from '../errors';

/**
 * A bill provider (grid company, water company, carrier, social-insurance bureau) behind one
 * interface. The sandbox fills it today; a real provider is one more adapter.
 *
 * `pay` receives OUR payment id as the provider's idempotency reference: calling it twice for the
 * same payment never charges twice. An answer that never came back is `UNKNOWN`: the payment stays
 * PROCESSING and `status` is asked later, never `pay` again.
 */
export interface BillProvider {
  /** A demonstration provider (the sandbox): it pays nobody, so its payments are marked on every receipt. */
  readonly sandbox: boolean;
  /** False where the stage has no provider (none named, or the sandbox in prod): every call is refused. */
  readonly configured: boolean;
  /** Throws AppError NOT_FOUND for an account the provider does not know, DEPENDENCY_UNAVAILABLE when down. */
  lookup(billType: BillType, accountNo: string): Promise<{ holderName: string; amountDueFen: number | null }>;
  pay(request: { paymentId: string; billType: BillType; accountNo: string; amountFen: number }): Promise<ProviderOutcome>;
  status(paymentId: string): Promise<ProviderOutcome>;
  /**
   * Cancels a payment id the provider has not settled: a charge (a void at the station), or one it
   * never received (so that a late `pay` cannot charge after we recorded "not charged"). Idempotent:
   * cancelling a cancelled id answers CANCELLED again. REFUSED once the provider has settled it.
   */
  cancel(paymentId: string): Promise<{ outcome: 'CANCELLED' } | { outcome: 'REFUSED' }>;
}

export type ProviderOutcome =
  | { outcome: 'SUCCEEDED'; providerRef: string }
  | { outcome: 'DECLINED'; declineCode: 'ACCOUNT_CLOSED' | 'AMOUNT_MISMATCH' | 'PROVIDER_REFUSED' }
  /** The provider has no charge for this payment id: nothing was taken (status only). */
  | { outcome: 'NOT_CHARGED' }
  /** No answer (timeout, lost response) or not settled yet: ask `status` later. */
  | { outcome: 'UNKNOWN' };

/**
 * Refuses a payment action in a stage without a provider: 503 PROVIDER_NOT_CONFIGURED, asked right
 * after the route's access check (a 404 comes first, as the contract orders) and before any write.
 */
export function assertProviderConfigured(provider: BillProvider): void {
  if (!provider.configured) throw new AppError('PROVIDER_NOT_CONFIGURED', 'Payments are not available: this stage has no bill provider configured');
}

/** The provider of a stage that has none: says so, and refuses every call the same way. */
export const NO_BILL_PROVIDER: BillProvider = {
  sandbox: false,
  configured: false,
  lookup: async () => refuse(),
  pay: async () => refuse(),
  status: async () => refuse(),
  cancel: async () => refuse(),
};

function refuse(): never {
  assertProviderConfigured(NO_BILL_PROVIDER);
  throw new Error('unreachable');
}
