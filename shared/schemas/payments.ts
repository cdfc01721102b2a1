import * as z from 'zod/mini';

/**
 * Bills an officer pays for villagers (代缴), and every limit, in one configuration that the API
 * enforces and the officer's workbench shows (`GET /bill-types`). Money is integer fen.
 *   postpaid: pay exactly the amount due (electricity, water, broadband)
 *   prepaid:  any amount within the type's range (phone top-up, social insurance)
 */
export const BILL_TYPES = {
  electricity: { kind: 'postpaid', minFen: 1, maxFen: 500_000, commissionFen: 50 },
  water: { kind: 'postpaid', minFen: 1, maxFen: 200_000, commissionFen: 50 },
  broadband: { kind: 'postpaid', minFen: 1, maxFen: 200_000, commissionFen: 50 },
  phone: { kind: 'prepaid', minFen: 1_000, maxFen: 50_000, commissionFen: 30 },
  social_insurance: { kind: 'prepaid', minFen: 10_000, maxFen: 600_000, commissionFen: 0 },
} as const satisfies Record<string, { kind: 'postpaid' | 'prepaid'; minFen: number; maxFen: number; commissionFen: number }>;

export type BillType = keyof typeof BILL_TYPES;
export const BILL_TYPE_KEYS = Object.keys(BILL_TYPES) as BillType[];

/** Station-wide limits, per payment and per Asia/Shanghai business day. */
export const STATION_LIMITS = { perPaymentMaxFen: 600_000, perDayMaxFen: 5_000_000 } as const;

export const billType = z.enum(BILL_TYPE_KEYS as [BillType, ...BillType[]]);
/** 户号: the provider's account number for this household and bill type. */
export const accountNo = z.string().check(z.regex(/^[0-9A-Za-z-]{4,32}$/, 'must be 4-32 letters, digits or dashes'));

export const BillTypesResponse = z.object({
  items: z.array(
    z.object({ billType, kind: z.enum(['postpaid', 'prepaid']), minFen: z.number(), maxFen: z.number(), commissionFen: z.number() }),
  ),
  stationLimits: z.object({ perPaymentMaxFen: z.number(), perDayMaxFen: z.number() }),
});

export const BillLookupRequest = z.strictObject({ billType, accountNo });
export type BillLookupRequest = z.infer<typeof BillLookupRequest>;

export const BillLookupResponse = z.object({
  billType,
  /** The account as given, with all but its last four characters masked. */
  accountNoMasked: z.string(),
  /** e.g. 张*明: enough for the villager to recognise, not to identify. */
  holderNameMasked: z.string(),
  /** Postpaid: what must be paid now (0 when nothing is due). Prepaid: null. */
  amountDueFen: z.nullable(z.int()),
});
export type BillLookupResponse = z.infer<typeof BillLookupResponse>;
