import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Household } from '@shared/schemas/households';
import type { BillLookupResponse, BillType, PaymentCreateRequest } from '@shared/schemas/payments';
import { errorText, t } from '../i18n/staff';
import { lookupBill, saveBillBookEntry, type BillTypesAnswer } from '../services/api';
import { deviceStorage } from '../services/device-storage';
import { toApiErrorLike } from '../services/errors';
import { accountTexts } from '../services/payment-text';
import { storageDraftStore, type DraftStore } from '../services/payment-draft';
import {
  accountRef,
  bookEntryFor,
  buildPaymentRequest,
  EMPTY_DRAFT,
  isAccountNo,
  type DraftErrors,
  type Payer,
  type PaymentDraft,
} from '../services/payment-form';

export type LookupState =
  { status: 'idle' } | { status: 'loading' } | { status: 'ready'; result: BillLookupResponse } | { status: 'failed'; message: string };

export type BookSaveState = { status: 'idle' } | { status: 'saved' } | { status: 'failed'; message: string };

export interface NewPaymentApi {
  lookup: typeof lookupBill;
  saveToBook: typeof saveBillBookEntry;
}

const defaultApi: NewPaymentApi = { lookup: lookupBill, saveToBook: saveBillBookEntry };

/**
 * The new-payment form: who pays, which bill, which account (the household's bill book or typed,
 * optionally saved to it), the lookup (holder and amount due), the amount and the cash. `review()`
 * checks it and moves to the confirm step with the request to send; any change to what the lookup
 * was for drops the lookup, so a payment always goes out for the account that was looked up. A
 * lookup still running when the draft changes is dropped too when it answers (and its account is
 * not saved to the bill book): every lookup carries a number, and a change takes a new one.
 *
 * The draft is kept on the device as it is filled (services/payment-draft.ts): Back or a reload
 * brings it back (`restored`), to be looked up again; `forgetDraft()` once the payment is sent.
 */
export function useNewPayment(
  stationId: string,
  billTypes: BillTypesAnswer,
  api: NewPaymentApi = defaultApi,
  draftStore: DraftStore = storageDraftStore(deviceStorage),
) {
  const drafts = useRef(draftStore);
  const [initial] = useState<{ draft: PaymentDraft | null; error?: string }>(() => {
    try {
      return { draft: drafts.current.load(stationId) };
    } catch (error) {
      return { draft: null, error: t('pay.draftStorageFailed', { reason: (error as Error).message }) };
    }
  });
  const [draft, setDraft] = useState<PaymentDraft>(initial.draft ?? EMPTY_DRAFT);
  /** The draft came back from an earlier visit (Back, a reload): said on the page until it is cleared or sent. */
  const [restored, setRestored] = useState(initial.draft !== null);
  const [draftStorageError, setDraftStorageError] = useState<string | undefined>(initial.error);
  // Once the payment is sent the draft is no longer kept (its attempt is).
  const keepDraft = useRef(true);
  const [lookup, setLookup] = useState<LookupState>({ status: 'idle' });
  const [saveToBook, setSaveToBook] = useState(false);
  const [book, setBook] = useState<BookSaveState>({ status: 'idle' });
  const [errors, setErrors] = useState<DraftErrors>({});
  const [confirming, setConfirming] = useState<PaymentCreateRequest | null>(null);
  // The lookup whose answer may still be shown: bumped by every lookup and every change it depends on.
  const lookupSeq = useRef(0);

  const info = useMemo(() => billTypes.items.find((item) => item.billType === draft.billType), [billTypes, draft.billType]);
  const bookEntry = bookEntryFor(draft.payer, draft.billType);
  const lookupResult = lookup.status === 'ready' ? lookup.result : undefined;

  const storeDraft = useCallback(
    (value: PaymentDraft | null) => {
      try {
        drafts.current.save(stationId, value);
      } catch (error) {
        setDraftStorageError(t('pay.draftStorageFailed', { reason: (error as Error).message }));
      }
    },
    [stationId],
  );
  useEffect(() => {
    if (keepDraft.current) storeDraft(draft);
  }, [storeDraft, draft]);

  /** The payment is sent: the draft is forgotten (its attempt is stored instead) until the form is edited again. */
  const forgetDraft = useCallback(() => {
    keepDraft.current = false;
    setRestored(false);
    storeDraft(null);
  }, [storeDraft]);

  /** A change to who, what or which account: the lookup no longer applies. */
  const change = useCallback((next: (d: PaymentDraft) => PaymentDraft, clears: Array<keyof DraftErrors>, dropsLookup: boolean) => {
    setDraft(next);
    setErrors((now) => {
      const copy = { ...now };
      for (const key of clears) delete copy[key];
      return copy;
    });
    if (dropsLookup) {
      lookupSeq.current += 1;
      setLookup({ status: 'idle' });
      setBook({ status: 'idle' });
    }
  }, []);

  const choosePayer = useCallback(
    (payer: Payer | null) =>
      change(
        (d) => {
          const entry = payer?.kind === 'household' && d.billType ? payer.household.billBook.find((e) => e.billType === d.billType) : undefined;
          return { ...d, payer, accountSource: entry ? 'book' : 'typed' };
        },
        ['payer', 'phone', 'accountNo', 'lookup'],
        true,
      ),
    [change],
  );
  const setPhone = useCallback((phone: string) => change((d) => ({ ...d, phone }), ['phone'], false), [change]);
  const chooseBillType = useCallback(
    (billType: BillType) =>
      change(
        (d) => {
          const entry = d.payer?.kind === 'household' ? d.payer.household.billBook.find((e) => e.billType === billType) : undefined;
          return { ...d, billType, accountSource: entry ? 'book' : 'typed', amountText: '' };
        },
        ['billType', 'accountNo', 'lookup', 'amount', 'cash'],
        true,
      ),
    [change],
  );
  const setAccountSource = useCallback(
    (accountSource: 'book' | 'typed') => change((d) => ({ ...d, accountSource }), ['accountNo', 'lookup'], true),
    [change],
  );
  const setAccountNo = useCallback((accountNo: string) => change((d) => ({ ...d, accountNo }), ['accountNo', 'lookup'], true), [change]);
  const setAmountText = useCallback((amountText: string) => change((d) => ({ ...d, amountText }), ['amount', 'cash'], false), [change]);
  const setCashText = useCallback((cashText: string) => change((d) => ({ ...d, cashText }), ['cash'], false), [change]);

  /** The household answered by a bill-book save: the payer shows the new entry. */
  const replaceHousehold = useCallback((household: Household) => {
    setDraft((d) => (d.payer?.kind === 'household' && d.payer.household.id === household.id ? { ...d, payer: { kind: 'household', household } } : d));
  }, []);

  const runLookup = useCallback(async () => {
    if (!draft.billType) {
      setErrors((now) => ({ ...now, billType: t('pay.fixErrors') }));
      return;
    }
    const account = accountRef(draft);
    if ('accountNo' in account && !isAccountNo(account.accountNo)) {
      setErrors((now) => ({ ...now, accountNo: accountTexts(info?.accountKind).invalid }));
      return;
    }
    const mine = ++lookupSeq.current;
    setLookup({ status: 'loading' });
    setBook({ status: 'idle' });
    try {
      const result = await api.lookup(draft.billType, account);
      // The officer changed the payer, the bill type or the account meanwhile: not this draft's answer.
      if (lookupSeq.current !== mine) return;
      setLookup({ status: 'ready', result });
      setErrors((now) => ({ ...now, lookup: undefined }));
      if (saveToBook && 'accountNo' in account && draft.payer?.kind === 'household') {
        try {
          const household = await api.saveToBook(draft.payer.household.id, draft.billType, account.accountNo);
          // The saved household is right whatever the draft is now (replaceHousehold checks the payer).
          replaceHousehold(household);
          if (lookupSeq.current === mine) setBook({ status: 'saved' });
        } catch (error) {
          if (lookupSeq.current === mine)
            setBook({ status: 'failed', message: t('pay.saveToBookFailed', { reason: errorText(toApiErrorLike(error).code) }) });
        }
      }
    } catch (error) {
      if (lookupSeq.current !== mine) return;
      const apiError = toApiErrorLike(error);
      setLookup({ status: 'failed', message: apiError.code === 'NOT_FOUND' ? t('pay.lookupNotFound') : errorText(apiError.code) });
    }
  }, [api, draft, info, saveToBook, replaceHousehold]);

  /** Checks the form; when it is complete, the confirm step with the request to send. */
  const review = useCallback(() => {
    const { body, errors: found } = buildPaymentRequest(stationId, draft, info, billTypes.stationLimits.perPaymentMaxFen, lookupResult);
    setErrors(found);
    if (body) setConfirming(body);
    return body;
  }, [stationId, draft, info, billTypes, lookupResult]);

  const backToForm = useCallback(() => {
    setConfirming(null);
    if (!keepDraft.current) {
      keepDraft.current = true;
      storeDraft(draft);
    }
  }, [storeDraft, draft]);

  /** A new payment for someone else: everything cleared. */
  const clear = useCallback(() => {
    lookupSeq.current += 1;
    keepDraft.current = true;
    setRestored(false);
    setDraft(EMPTY_DRAFT);
    setLookup({ status: 'idle' });
    setBook({ status: 'idle' });
    setErrors({});
    setConfirming(null);
    setSaveToBook(false);
  }, []);

  return {
    draft,
    restored,
    draftStorageError,
    forgetDraft,
    info,
    bookEntry,
    lookup,
    lookupResult,
    book,
    saveToBook,
    errors,
    confirming,
    choosePayer,
    setPhone,
    chooseBillType,
    setAccountSource,
    setAccountNo,
    setAmountText,
    setCashText,
    setSaveToBook,
    runLookup,
    review,
    backToForm,
    clear,
  };
}
