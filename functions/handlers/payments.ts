import { createSandboxBillProvider } from '../adapters/sandbox-bill-provider';
import { listBillTypes, lookupBill } from '../domain/payments/bill-lookup';
import { createHttpHandler } from '../http/pipeline';

/** Stub providers in every stage for now (the issue asks for a real interface, not a real provider). */
const provider = createSandboxBillProvider();

export const handler = createHttpHandler('payments', {
  billTypes: async () => listBillTypes(),
  billLookup: ({ body }) => lookupBill(provider, body.billType, body.accountNo),
});
