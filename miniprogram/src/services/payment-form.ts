import type { Household } from '@shared/schemas/households';
import type { BillLookupResponse, BillType, PaymentCreateRequest } from '@shared/schemas/payments';
import { t } from '../i18n/staff';
import type { BillTypeInfo } from './api';
import { formatFen, parseYuanToFen } from './money';
import { yuanErrorText } from './payment-text';

/** The contract's account number (户号) and mobile phone, checked before anything is sent. */
export const isAccountNo = (value: string) => /^[0-9A-Za-z-]{4,32}$/.test(value);
export const isMobilePhone = (value: string) => /^1[3-9]\d{9}$/.test(value);

export type Payer = { kind: 'household'; household: Household } | { kind: 'phone' };

/** Where the account comes from: the household's bill book, or typed. */
export type AccountSource = 'book' | 'typed';

export interface PaymentDraft {
  payer: Payer | null;
  phone: string;
  billType: BillType | null;
  accountSource: AccountSource;
  accountNo: string;
  amountText: string;
  cashText: string;
}

export const EMPTY_DRAFT: PaymentDraft = {
  payer: null,
  phone: '',
  billType: null,
  accountSource: 'typed',
  accountNo: '',
  amountText: '',
  cashText: '',
};

export type DraftErrors = Partial<Record<'payer' | 'phone' | 'billType' | 'accountNo' | 'lookup' | 'amount' | 'cash', string>>;

/** The household's saved account for the bill type, if any. */
export function bookEntryFor(payer: Payer | null, billType: BillType | null) {
  if (!payer || payer.kind !== 'household' || !billType) return undefined;
  return payer.household.billBook.find((entry) => entry.billType === billType);
}

/** The account to look up and pay: the bill book's (by household) or the typed one. */
export function accountRef(draft: PaymentDraft): { householdId: string } | { accountNo: string } {
  if (draft.accountSource === 'book' && draft.payer?.kind === 'household' && bookEntryFor(draft.payer, draft.billType)) {
    return { householdId: draft.payer.household.id };
  }
  return { accountNo: draft.accountNo.trim() };
}

/** Fixed for postpaid types (what the lookup said is due), typed for prepaid ones. */
export function amountOf(draft: PaymentDraft, info: BillTypeInfo | undefined, lookup: BillLookupResponse | undefined): number | undefined {
  if (!info) return undefined;
  if (info.kind === 'postpaid') return lookup?.amountDueFen ?? undefined;
  const parsed = parseYuanToFen(draft.amountText);
  return parsed.ok ? parsed.fen : undefined;
}

/** The range a prepaid amount may take: the type's, capped by the station's per-payment limit. */
export function amountRange(info: BillTypeInfo, perPaymentMaxFen: number) {
  return { min: info.minFen, max: Math.min(info.maxFen, perPaymentMaxFen) };
}

/** The cash handed over (empty: exactly the amount) and the change. */
export function cashOf(draft: PaymentDraft, amountFen: number | undefined): { cashFen?: number; changeFen?: number; error?: string } {
  if (amountFen === undefined) return {};
  if (draft.cashText.trim() === '') return { cashFen: amountFen, changeFen: 0 };
  const parsed = parseYuanToFen(draft.cashText);
  if (!parsed.ok) return { error: yuanErrorText(parsed) };
  if (parsed.fen < amountFen) return { cashFen: parsed.fen, error: t('pay.cashTooLittle', { short: formatFen(amountFen - parsed.fen) }) };
  return { cashFen: parsed.fen, changeFen: parsed.fen - amountFen };
}

/**
 * The request for a checked draft, or what is wrong with it. The lookup must be the one for this
 * account (the page drops it when the account changes).
 */
export function buildPaymentRequest(
  stationId: string,
  draft: PaymentDraft,
  info: BillTypeInfo | undefined,
  perPaymentMaxFen: number,
  lookup: BillLookupResponse | undefined,
): { body?: PaymentCreateRequest; errors: DraftErrors } {
  const errors: DraftErrors = {};
  if (!draft.payer) errors.payer = t('pay.fixErrors');
  const phone = draft.phone.trim();
  if (draft.payer?.kind === 'phone' && phone !== '' && !isMobilePhone(phone)) errors.phone = t('pay.phoneInvalid');
  if (!draft.billType || !info) errors.billType = t('pay.fixErrors');
  const account = accountRef(draft);
  if ('accountNo' in account && !isAccountNo(account.accountNo)) errors.accountNo = t('pay.accountInvalid');
  if (!lookup && !errors.accountNo) errors.lookup = t('pay.fixErrors');

  let amountFen: number | undefined;
  if (info && info.kind === 'prepaid') {
    const parsed = parseYuanToFen(draft.amountText);
    const range = amountRange(info, perPaymentMaxFen);
    if (!parsed.ok) errors.amount = yuanErrorText(parsed);
    else if (parsed.fen < range.min || parsed.fen > range.max) {
      errors.amount = t('pay.amountOutOfRange', { min: formatFen(range.min), max: formatFen(range.max) });
    } else amountFen = parsed.fen;
  } else if (info && lookup) {
    amountFen = lookup.amountDueFen ?? undefined;
    if (!amountFen) errors.amount = t('pay.nothingDue');
  }
  const cash = cashOf(draft, amountFen);
  if (cash.error) errors.cash = cash.error;

  if (Object.keys(errors).length > 0 || !draft.billType || amountFen === undefined) return { errors };
  const body: PaymentCreateRequest = {
    stationId,
    billType: draft.billType,
    amountFen,
    cashReceivedFen: cash.cashFen,
    method: 'cash',
  };
  if (draft.payer?.kind === 'household') body.householdId = draft.payer.household.id;
  if ('accountNo' in account) body.accountNo = account.accountNo;
  if (draft.payer?.kind === 'phone' && phone) body.payerPhone = phone;
  return { body, errors };
}
