import { config } from '../config';
import { dynamoSandboxCharges } from '../data/sandbox-charges-repository';
import type { BillProvider } from '../domain/payments/bill-provider';
import { createSandboxBillProvider } from './sandbox-bill-provider';

/** The BillProvider the configuration names (BILL_PROVIDER); the one place a real provider plugs in. */
export function billProvider(): BillProvider {
  switch (config().billProvider) {
    case 'sandbox':
      return createSandboxBillProvider({ charges: dynamoSandboxCharges });
  }
}
