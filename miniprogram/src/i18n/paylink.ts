/**
 * `t` for the pay link subpackage: the main catalogue plus its own strings (and the receipt's: bill type
 * names). The main package never imports this file, so the strings ship with the subpackage.
 */
import { withMessages, type MessageKey as MainMessageKey } from './index';
import { paylinkMessages } from './messages/zh-CN.paylink';
import { receiptMessages } from './messages/zh-CN.receipt';

export * from './index';
// The error texts only subpackages meet, with their Tibetan.
import './errors';

const extra = { ...receiptMessages, ...paylinkMessages };
export type MessageKey = MainMessageKey | keyof typeof extra;
export const t = withMessages(extra);
