import type { ListingCreateRequest, ListingUnit, ProduceCategory } from '@shared/schemas/market';
import { MAX_PRICE_FEN, MAX_STOCK } from '@shared/schemas/market';
import { textLength } from '@shared/text-length';
import { parseYuanToFen } from './money';

/**
 * The officer's listing form as typed (yuan as text, stock as text) and its check into the request
 * the API takes (integer fen). Messages are catalogue keys, so the form stays free of Taro and i18n.
 */
/** The server's bound on a flat shipping fee (shared/schemas/market.ts Delivery). */
const MAX_SHIPPING_FEE_FEN = 100_000;
/** The server's bound on a description, in characters as a reader sees them (shared/schemas/market.ts). */
export const MAX_DESCRIPTION = 2000;

export interface ListingDraft {
  title: string;
  category: ProduceCategory | '';
  unit: ListingUnit;
  priceText: string;
  stockText: string;
  harvestDate: string;
  description: string;
  pickup: boolean;
  shipping: boolean;
  feeText: string;
}

export type DraftField = 'title' | 'description' | 'category' | 'price' | 'stock' | 'fee' | 'delivery';
export type DraftErrors = Partial<Record<DraftField, string>>;

export const emptyDraft = (): ListingDraft => ({
  title: '',
  category: '',
  unit: 'jin',
  priceText: '',
  stockText: '',
  harvestDate: '',
  description: '',
  pickup: true,
  shipping: false,
  feeText: '',
});

/** A whole number of units, as typed; null when it is not one. */
export function parseStock(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,7}$/.test(trimmed)) return null;
  const stock = Number(trimmed);
  return stock <= MAX_STOCK ? stock : null;
}

/** The request for `POST /listings`, or the catalogue keys of what to fix. */
export function checkDraft(
  draft: ListingDraft,
  sellerId: string,
  photos: string[],
): { ok: true; body: ListingCreateRequest } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const title = draft.title.trim();
  if (textLength(title) < 2 || textLength(title) > 60) errors.title = 'sell.error.title';
  if (textLength(draft.description.trim()) > MAX_DESCRIPTION) errors.description = 'sell.error.description';
  if (!draft.category) errors.category = 'sell.error.category';
  const price = parseYuanToFen(draft.priceText);
  if (!price.ok) errors.price = `sell.error.price.${price.reason}`;
  else if (price.fen < 1) errors.price = 'sell.error.price.empty';
  else if (price.fen > MAX_PRICE_FEN) errors.price = 'sell.error.price.too-large';
  const stock = parseStock(draft.stockText);
  if (stock === null) errors.stock = 'sell.error.stock';
  const fee = draft.shipping ? parseYuanToFen(draft.feeText.trim() === '' ? '0' : draft.feeText) : null;
  if (fee && (!fee.ok || fee.fen > MAX_SHIPPING_FEE_FEN)) errors.fee = 'sell.error.fee';
  if (!draft.pickup && !draft.shipping) errors.delivery = 'sell.error.delivery';
  if (Object.keys(errors).length > 0 || !price.ok || stock === null || !draft.category) return { ok: false, errors };
  const description = draft.description.trim();
  return {
    ok: true,
    body: {
      sellerId,
      title,
      category: draft.category,
      unit: draft.unit,
      priceFen: price.fen,
      stock,
      photos,
      ...(draft.harvestDate ? { harvestDate: draft.harvestDate } : {}),
      ...(description ? { description } : {}),
      delivery: { pickup: draft.pickup, shipping: fee && fee.ok ? { feeFen: fee.fen } : null },
    },
  };
}
