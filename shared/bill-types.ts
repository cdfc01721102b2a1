// The bill types and station limits as plain constants (no zod), so the mini-program can read them
// without bundling the schemas; shared/schemas/payments.ts builds its schemas on them.
/**
 * Bills an officer pays for villagers (代缴), and every limit, in one configuration that the API
 * enforces and the officer's workbench shows (`GET /bill-types`). Money is integer fen.
 *   postpaid: pay exactly the amount due (electricity, water, broadband)
 *   prepaid:  any amount within the type's range (phone top-up, social insurance)
 */
/**
 * `accountKind`: what the provider's account number is to the villager, so the app asks for it by
 * its name: a 户号 on the bill (`account`), or the mobile number itself for a top-up (`phone`).
 */
export const BILL_TYPES = {
  electricity: { kind: 'postpaid', accountKind: 'account', minFen: 1, maxFen: 500_000, commissionFen: 50 },
  water: { kind: 'postpaid', accountKind: 'account', minFen: 1, maxFen: 200_000, commissionFen: 50 },
  broadband: { kind: 'postpaid', accountKind: 'account', minFen: 1, maxFen: 200_000, commissionFen: 50 },
  phone: { kind: 'prepaid', accountKind: 'phone', minFen: 1_000, maxFen: 50_000, commissionFen: 30 },
  social_insurance: { kind: 'prepaid', accountKind: 'account', minFen: 10_000, maxFen: 600_000, commissionFen: 0 },
} as const satisfies Record<
  string,
  { kind: 'postpaid' | 'prepaid'; accountKind: AccountKind; minFen: number; maxFen: number; commissionFen: number }
>;

export type BillType = keyof typeof BILL_TYPES;
export type AccountKind = 'account' | 'phone';
export const BILL_TYPE_KEYS = Object.keys(BILL_TYPES) as BillType[];

/** Station-wide limits, per payment and per Asia/Shanghai business day. */
export const STATION_LIMITS = { perPaymentMaxFen: 600_000, perDayMaxFen: 5_000_000 } as const;
