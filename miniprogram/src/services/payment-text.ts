import type { AccountKind, LedgerEntry } from '@shared/schemas/payments';
import { errorText, t } from '../i18n/staff';
import { billTypeName } from './payment-status';
import type { ApiError } from './api-error';
import { formatFen, type YuanParse } from './money';

// The villager-facing part, kept in the main package: re-exported so staff pages may import either.
export { billTypeName, isAwaitingProvider, paymentExplanation, paymentStatusText, paymentStatusTone } from './payment-status';

/**
 * How the pay form names a bill type's account number (shared/schemas/payments.ts `accountKind`):
 * a 户号 from the bill, or the mobile number itself for a top-up. Unknown kinds read as 户号.
 */
export function accountTexts(accountKind: AccountKind | undefined) {
  if (accountKind === 'phone') {
    return {
      title: t('pay.phoneAccount.title'),
      label: t('pay.phoneAccount.label'),
      placeholder: t('pay.phoneAccount.placeholder'),
      invalid: t('pay.phoneAccount.invalid'),
      shown: t('pay.phoneAccount.label'),
      fieldKind: 'phone' as const,
    };
  }
  return {
    title: t('pay.accountTitle'),
    label: t('pay.accountLabel'),
    placeholder: t('pay.accountPlaceholder'),
    invalid: t('pay.accountInvalid'),
    shown: t('pay.accountMasked'),
    fieldKind: 'text' as const,
  };
}

/** Why a typed amount is not one. */
export const yuanErrorText = (parsed: Extract<YuanParse, { ok: false }>) => t(`money.error.${parsed.reason}`);

/** "between 1000 and 50000" (a `bill_type_range` detail's message) as the type's range in fen. */
function rangeOf(error: ApiError): { minFen: number; maxFen: number } | undefined {
  for (const detail of error.details) {
    const match = /between (\d+) and (\d+)/.exec(detail.message);
    if (detail.code === 'bill_type_range' && match) return { minFen: Number(match[1]), maxFen: Number(match[2]) };
  }
  return undefined;
}

/**
 * Which limit a 429 LIMIT_EXCEEDED was about, from its detail's code (`per_payment_limit`,
 * `bill_type_range` (over the type's maximum), `station_daily_limit`), with the limit itself when
 * the page or the detail knows it.
 */
export function limitErrorText(error: ApiError, limits?: { perPaymentMaxFen: number; perDayMaxFen: number }): string {
  const codes = error.details.map((detail) => detail.code ?? '');
  if (codes.includes('station_daily_limit')) {
    const left = error.details.map((detail) => /(\d+) fen left/.exec(detail.message)?.[1]).find(Boolean);
    if (left !== undefined) return t('pay.error.limitPerDayLeft', { left: formatFen(Number(left)) });
    return limits ? t('pay.error.limitPerDay', { max: formatFen(limits.perDayMaxFen) }) : t('pay.error.LIMIT_EXCEEDED');
  }
  if (codes.includes('per_payment_limit')) {
    return limits ? t('pay.error.limitPerPayment', { max: formatFen(limits.perPaymentMaxFen) }) : t('pay.error.LIMIT_EXCEEDED');
  }
  if (codes.includes('bill_type_range')) {
    const range = rangeOf(error);
    return range ? t('pay.error.aboveMaximum', { min: formatFen(range.minFen), max: formatFen(range.maxFen) }) : t('pay.error.limitType');
  }
  return t('pay.error.LIMIT_EXCEEDED');
}

/** A 400 VALIDATION_FAILED of `POST /payments`: under the type's minimum (`bill_type_range`) in words, else the generic text. */
function validationErrorText(error: ApiError): string {
  if (!error.details.some((detail) => detail.code === 'bill_type_range')) return errorText(error.code);
  const range = rangeOf(error);
  return range ? t('pay.error.belowMinimum', { min: formatFen(range.minFen), max: formatFen(range.maxFen) }) : t('pay.error.belowMinimumUnknown');
}

/** A refusal of `POST /payments` in words (a final one: no payment was made). */
export function paymentErrorText(error: ApiError, limits?: { perPaymentMaxFen: number; perDayMaxFen: number }): string {
  switch (error.code) {
    case 'LIMIT_EXCEEDED':
      return limitErrorText(error, limits);
    case 'VALIDATION_FAILED':
      return validationErrorText(error);
    case 'DAY_CLOSED':
      return t('pay.error.DAY_CLOSED');
    case 'IDEMPOTENCY_KEY_REUSED':
      return t('pay.error.IDEMPOTENCY_KEY_REUSED');
    case 'NOT_FOUND':
      return t('pay.error.NOT_FOUND');
    case 'CONFLICT':
      // A postpaid bill changed since the lookup (someone paid it meanwhile, a new bill came).
      if (error.details.some((detail) => detail.code === 'amount_due_mismatch')) return t('pay.error.amountDue');
      return errorText(error.code);
    default:
      return errorText(error.code);
  }
}

/** A day close's variance (counted − expected) in words: "少了 ¥2.00", "多了 ¥0.50", "账实相符". */
export function varianceText(varianceFen: number): string {
  if (varianceFen === 0) return t('close.varianceNone');
  const amount = formatFen(Math.abs(varianceFen));
  return varianceFen < 0 ? t('close.varianceShort', { amount }) : t('close.varianceOver', { amount });
}

/** A signed amount of cash: "+¥123.45" into the drawer, "-¥123.45" back out. */
export function signedFen(fen: number): string {
  return fen > 0 ? `+${formatFen(fen)}` : formatFen(fen);
}

/** A ledger line in words: "缴费 · 电费" or "作废 · 电费". */
export function ledgerEntryTitle(entry: Pick<LedgerEntry, 'kind' | 'billType'>): string {
  return t('ledger.entryTitle', {
    kind: t(entry.kind === 'VOID' ? 'ledger.kindVoid' : 'ledger.kindPayment'),
    billType: billTypeName(entry.billType),
  });
}
