/**
 * The sandbox bill provider: deterministic bills per account number, and behaviours scripted by the
 * account's last four characters so tests and demos can trigger each outcome:
 *
 *   ….0000  unknown account (lookup 404)        ….9001  pay is declined (account closed)
 *   ….9002  pay times out after charging         ….9003  pay answers slowly (2 s), then succeeds
 *   ….9004  settles later: pay answers UNKNOWN, the charge succeeds when status is asked
 *   anything else: pays at once
 *
 * A charge can be cancelled (voided) until it is settled; the sandbox never settles on its own.
 * Cancelling a payment id that was never charged leaves a tombstone: a `pay` arriving later for it
 * is refused, so "nothing was charged" is final once we have said so.
 *
 * It keeps its charges in `charges` (functions/data/sandbox-charges-repository.ts), one per payment
 * id, so a second `pay` for the same payment id returns the first charge instead of charging again.
 */
import { createHash } from 'node:crypto';
import { BILL_TYPES } from '../../shared';
import type { SandboxCharge, SandboxChargeRepository } from '../data/sandbox-charges-repository';
import type { BillProvider, ProviderOutcome } from '../domain/payments/bill-provider';
import { AppError } from '../domain/errors';

const SURNAMES = '王李张刘陈杨赵黄周吴马才索扎多尼';
const GIVEN = ['德吉', '卓玛', '建国', '秀英', '明', '措', '海龙', '兰', '永福', '拉姆', '文', '才让'];

const hashOf = (text: string) => createHash('sha256').update(text).digest();

export interface SandboxOptions {
  /** Where the sandbox keeps its charges. */
  charges: SandboxChargeRepository;
  /** How long a "slow" or "timeout" answer takes (tests shorten it). */
  slowMs?: number;
}

export function createSandboxBillProvider(options: SandboxOptions): BillProvider {
  const { charges } = options;
  const slowMs = options.slowMs ?? 2_000;
  const script = (accountNo: string) => accountNo.slice(-4);
  const recordCharge = (paymentId: string, charge: { billType: string; accountNo: string; amountFen: number; state: 'SUCCEEDED' | 'PENDING' }) =>
    charges.recordOnce(paymentId, { providerRef: 'SBX' + hashOf(`ref:${paymentId}`).toString('hex').slice(0, 16).toUpperCase(), ...charge });

  /** What the provider says about a payment id: a cancelled one (voided, or closed unpaid) charged nothing. */
  const outcomeOf = (charge: SandboxCharge | undefined): ProviderOutcome =>
    !charge || charge.state === 'CANCELLED'
      ? { outcome: 'NOT_CHARGED' }
      : charge.state === 'SUCCEEDED'
        ? { outcome: 'SUCCEEDED', providerRef: charge.providerRef }
        : { outcome: 'UNKNOWN' };

  return {
    sandbox: true,
    configured: true,

    async lookup(billType, accountNo) {
      if (script(accountNo) === '0000') throw new AppError('NOT_FOUND', 'The provider does not know this account number');
      const h = hashOf(`${billType}:${accountNo}`);
      const holderName = SURNAMES[h[0] % SURNAMES.length] + GIVEN[h[1] % GIVEN.length];
      const amountDueFen = BILL_TYPES[billType].kind === 'postpaid' ? 1_000 + (h.readUInt16BE(2) % 290) * 100 : null;
      return { holderName, amountDueFen };
    },

    async pay({ paymentId, billType, accountNo, amountFen }) {
      switch (script(accountNo)) {
        case '9001':
          return { outcome: 'DECLINED', declineCode: 'ACCOUNT_CLOSED' };
        case '9002':
          // The provider charges, but its answer never reaches us.
          await recordCharge(paymentId, { billType, accountNo, amountFen, state: 'SUCCEEDED' });
          await new Promise((r) => setTimeout(r, slowMs));
          return { outcome: 'UNKNOWN' };
        case '9003':
          await new Promise((r) => setTimeout(r, slowMs));
          return outcomeOf(await recordCharge(paymentId, { billType, accountNo, amountFen, state: 'SUCCEEDED' }));
        case '9004':
          return outcomeOf(await recordCharge(paymentId, { billType, accountNo, amountFen, state: 'PENDING' }));
        default:
          return outcomeOf(await recordCharge(paymentId, { billType, accountNo, amountFen, state: 'SUCCEEDED' }));
      }
    },

    async cancel(paymentId) {
      // Refused once the provider has settled the charge, or while it is still pending with it.
      return (await charges.cancel(paymentId, new Date().toISOString())) ? { outcome: 'CANCELLED' } : { outcome: 'REFUSED' };
    },

    async status(paymentId) {
      // A pending charge settles the first time anyone asks after it was made (exactly once: conditional).
      await charges.settlePending(paymentId, new Date().toISOString());
      return outcomeOf(await charges.get(paymentId));
    },
  };
}
