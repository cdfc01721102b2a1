import { billProviderMode, settings, type BillProviderSetting } from '../config';
import { dynamoSandboxCharges } from '../data/sandbox-charges-repository';
import type { BillProvider } from '../domain/payments/bill-provider';
import { AppError } from '../domain/errors';
import { createSandboxBillProvider } from './sandbox-bill-provider';

/** What the stage pays with: `sandbox` (pays nobody: every receipt says so) or `none` (payments refused). */
export function billProviderModeNow(): BillProviderSetting {
  return billProviderMode(settings());
}

/**
 * The BillProvider the stage names (BILL_PROVIDER); the one place a real provider plugs in. Without
 * one (none named, or the sandbox in prod) a payment route stops here with 503 PROVIDER_NOT_CONFIGURED,
 * before anything is read or written.
 */
export function billProvider(): BillProvider {
  switch (billProviderModeNow()) {
    case 'sandbox':
      return createSandboxBillProvider({ charges: dynamoSandboxCharges });
    case 'none':
      throw new AppError('PROVIDER_NOT_CONFIGURED', 'Payments are not available: this stage has no bill provider configured');
  }
}
