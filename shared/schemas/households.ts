import * as z from 'zod/mini';
import { cursor, freeText, pageLimit, PersonLabel } from './common';
import { accountNo, billType, householdId, mobilePhone, Payment } from './payments';

/**
 * A household (户) the station serves: who lives there, how to reach them (the phone is stored, and
 * answered masked only), the villagers' consent to keep these details, and its bill book (one account
 * per bill type) so a repeat payment is two taps.
 */
const personName = freeText(1, 40);

export const HouseholdMember = z.strictObject({
  name: personName,
  relation: z.optional(z.enum(['head', 'spouse', 'child', 'parent', 'other'])),
});

export const HouseholdCreateRequest = z.strictObject({
  headName: personName,
  phone: z.optional(mobilePhone),
  members: z.optional(z.array(HouseholdMember).check(z.maxLength(20))),
  /** The villager agreed, in front of the officer, that the station keeps these details. */
  consent: z.literal(true),
  /**
   * A household of the same head name and phone at this station answers 409 CONFLICT naming it
   * (details[0].existing); `true` registers a second one anyway (two families, one name).
   */
  allowDuplicate: z.optional(z.boolean()),
});
export type HouseholdCreateRequest = z.infer<typeof HouseholdCreateRequest>;

export const HouseholdParams = z.strictObject({ householdId });
export const BillBookParams = z.strictObject({ householdId, billType });
export const BillBookRequest = z.strictObject({ accountNo });

export const HouseholdListQuery = z.strictObject({ limit: pageLimit, cursor: z.optional(cursor) });

export const Household = z.object({
  id: z.string(),
  stationId: z.string(),
  headName: z.string(),
  phoneMasked: z.nullable(z.string()),
  members: z.array(z.object({ name: z.string(), relation: z.nullable(z.string()) })),
  /** When consent was recorded and by whom (by name; no user id). */
  consent: z.object({ at: z.string(), by: PersonLabel }),
  billBook: z.array(z.object({ billType, accountNoMasked: z.string(), savedAt: z.string() })),
  linkedUserCount: z.int(),
  createdAt: z.string(),
});
export type Household = z.infer<typeof Household>;
export const HouseholdPage = z.object({ items: z.array(Household), nextCursor: z.nullable(z.string()) });

/** A one-time code the villager shows on their phone; the officer types it to link them to a household. */
export const LinkCodeResponse = z.object({ code: z.string(), expiresAt: z.string() });
export const LinkHouseholdRequest = z.strictObject({ code: z.string().check(z.regex(/^\d{6}$/, 'must be the 6-digit code')) });
export const LinkHouseholdResponse = z.object({ household: Household });

/** What a villager linked to a household sees in "me": that household's payments, newest first. */
export const MyPaymentsResponse = z.object({
  household: z.nullable(z.object({ id: z.string(), headName: z.string(), stationId: z.string() })),
  items: z.array(Payment),
  nextCursor: z.nullable(z.string()),
});
