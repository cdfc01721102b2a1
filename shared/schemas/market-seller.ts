/**
 * A seller's own view (issue 13: "a seller linked to WeChat sees their listings, sales and earnings").
 * A household seller is the signed-in villager's when their account is linked to that household (the
 * household link code); a cooperative's contact links their account with a one-time code its
 * station's officer issues for the cooperative (its own key space).
 */
import * as z from 'zod/mini';
import { LISTING_STATUSES, LISTING_UNITS, Seller, sellerId } from './market';

export const SellerLinkCodeParams = z.strictObject({ sellerId });
/** 8 digits like the account code: a contact types it on their phone, guessing is rate limited. */
export const sellerLinkCode = z.string().check(z.regex(/^\d{8}$/, 'must be the 8-digit seller link code'));
export const SellerLinkCodeResponse = z.object({ code: z.string(), expiresAt: z.string() });
export const SellerLinkRequest = z.strictObject({ code: sellerLinkCode });
export type SellerLinkRequest = z.infer<typeof SellerLinkRequest>;

export const MySeller = z.object({
  seller: Seller,
  /** Every listing of the seller, in every status, newest first, with what paid orders took of it. */
  listings: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      unit: z.enum(LISTING_UNITS),
      unitName: z.string(),
      priceFen: z.number(),
      stock: z.number(),
      status: z.enum(LISTING_STATUSES),
      soldQuantity: z.number(),
      soldFen: z.number(),
    }),
  ),
  sales: z.object({ paidOrders: z.number(), quantity: z.number() }),
  /** Paid order totals (items and shipping) net of refunds, integer fen. */
  earningsFen: z.number(),
  /** What went back to buyers (refunded orders' totals), already taken out of earningsFen. */
  refundedFen: z.number(),
});
export type MySeller = z.infer<typeof MySeller>;
/** The sellers linked to the caller (a household and the cooperatives they are the contact of): never paginated. */
export const MySellersResponse = z.object({ items: z.array(MySeller), nextCursor: z.null() });
export type MySellersResponse = z.infer<typeof MySellersResponse>;
export const SellerLinkResponse = z.object({ seller: Seller });
