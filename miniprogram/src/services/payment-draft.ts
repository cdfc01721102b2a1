import { storageFailureReason, type DeviceStorage } from './device-storage';
import { EMPTY_DRAFT, type PaymentDraft } from './payment-form';

/**
 * The new-payment form as filled so far, kept on the device so Back or a reload (at any step,
 * the confirm step included) does not drop it silently: the next open of the pay page at the same
 * station brings it back, said as such. Only what was typed or chosen is kept, never the lookup
 * (the bill is looked up again). Forgotten when the payment is sent (its attempt takes over, see
 * payment-attempt.ts), when the officer starts afresh, and after half a day.
 */
export const PAYMENT_DRAFT_STORAGE_KEY = 'yinong.paymentDraft';
const DRAFT_MAX_AGE_MS = 12 * 3600_000;

interface StoredDraft {
  stationId: string;
  draft: PaymentDraft;
  savedAt: number;
}

export interface DraftStore {
  /** The station's kept draft, or null. Throws when the storage fails. */
  load(stationId: string): PaymentDraft | null;
  /** Keeps the draft (null or an empty draft: forgets it). Throws when the storage fails. */
  save(stationId: string, draft: PaymentDraft | null): void;
}

/** Whether anything was typed or chosen. */
export const isDraftEmpty = (draft: PaymentDraft) => JSON.stringify(draft) === JSON.stringify(EMPTY_DRAFT);

function isDraft(value: unknown): value is PaymentDraft {
  if (!value || typeof value !== 'object') return false;
  const d = value as Record<string, unknown>;
  const texts = ['phone', 'accountNo', 'amountText', 'cashText'].every((field) => typeof d[field] === 'string');
  const payer = d.payer === null || (typeof d.payer === 'object' && ['household', 'phone'].includes(String((d.payer as { kind?: unknown }).kind)));
  return texts && payer && (d.billType === null || typeof d.billType === 'string') && (d.accountSource === 'book' || d.accountSource === 'typed');
}

export function storageDraftStore(storage: DeviceStorage, now: () => number = Date.now): DraftStore {
  const fail = (error: unknown) => new Error(`payment draft: ${storageFailureReason(error)}`);
  return {
    load(stationId) {
      let stored: Partial<StoredDraft> | '' | null;
      try {
        stored = storage.getStorageSync(PAYMENT_DRAFT_STORAGE_KEY) as Partial<StoredDraft> | '' | null;
      } catch (error) {
        throw fail(error);
      }
      if (!stored || typeof stored !== 'object' || stored.stationId !== stationId || typeof stored.savedAt !== 'number') return null;
      if (now() - stored.savedAt > DRAFT_MAX_AGE_MS || !isDraft(stored.draft) || isDraftEmpty(stored.draft)) return null;
      return { ...EMPTY_DRAFT, ...stored.draft };
    },
    save(stationId, draft) {
      try {
        if (draft && !isDraftEmpty(draft))
          storage.setStorageSync(PAYMENT_DRAFT_STORAGE_KEY, { stationId, draft, savedAt: now() } satisfies StoredDraft);
        else storage.removeStorageSync(PAYMENT_DRAFT_STORAGE_KEY);
      } catch (error) {
        throw fail(error);
      }
    },
  };
}
