/**
 * `t` for the pay link subpackage: the main catalogue plus its own strings (and the receipt's: bill type
 * names). The main package never imports this file, so the strings ship with the subpackage.
 */
import { withMessages, type MessageKey as MainMessageKey } from './index';
import { paylinkMessages } from './messages/zh-CN.paylink';
import { boPaylinkMessages } from './messages/bo.paylink';
import { receiptMessages } from './messages/zh-CN.receipt';
import { boReceiptMessages } from './messages/bo.receipt';

export * from './index';
// The error texts only subpackages meet, with their Tibetan.
import './errors';

const extra = { ...receiptMessages, ...paylinkMessages };
export type MessageKey = MainMessageKey | keyof typeof extra;
// Tibetan: each part's bo.<name>.ts (complete by type), in the same order.
const bo = { ...boReceiptMessages, ...boPaylinkMessages };
export const t = withMessages(extra, { bo });
