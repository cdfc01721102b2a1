import { BILL_TYPES, BILL_TYPE_KEYS, STATION_LIMITS, type BillLookupResponse, type BillType } from '../../../shared';
import type { BillProvider } from './bill-provider';

export function listBillTypes() {
  return {
    items: BILL_TYPE_KEYS.map((billType) => ({ billType, ...BILL_TYPES[billType] })),
    stationLimits: { ...STATION_LIMITS },
  };
}

/** 张三明 -> 张*明, 李四 -> 李*, 王 -> 王. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export const maskAccountNo = (accountNo: string) => `${'*'.repeat(Math.max(0, accountNo.length - 4))}${accountNo.slice(-4)}`;

export async function lookupBill(provider: BillProvider, billType: BillType, accountNo: string): Promise<BillLookupResponse> {
  const bill = await provider.lookup(billType, accountNo);
  return {
    billType,
    accountNoMasked: maskAccountNo(accountNo),
    holderNameMasked: maskName(bill.holderName),
    amountDueFen: BILL_TYPES[billType].kind === 'postpaid' ? bill.amountDueFen ?? 0 : null,
  };
}
