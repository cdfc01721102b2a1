import { billProviderMode, settings, type BillProviderSetting } from '../config';
import { dynamoSandboxCharges } from '../data/sandbox-charges-repository';
import { NO_BILL_PROVIDER, type BillProvider } from '../domain/payments/bill-provider';
import { createSandboxBillProvider } from './sandbox-bill-provider';

/** What the stage pays with: `sandbox` (pays nobody: every receipt says so) or `none` (payments refused). */
export function billProviderModeNow(): BillProviderSetting {
  return billProviderMode(settings());
}

/**
 * The BillProvider the stage names (BILL_PROVIDER); the one place a real provider plugs in. Without
 * one (none named, or the sandbox in prod) the payment routes answer 503 PROVIDER_NOT_CONFIGURED after
 * their access check and before anything is written (assertProviderConfigured).
 */
export function billProvider(): BillProvider {
  switch (billProviderModeNow()) {
    case 'sandbox':
      return createSandboxBillProvider({ charges: dynamoSandboxCharges });
    case 'none':
      return NO_BILL_PROVIDER;
  }
}
