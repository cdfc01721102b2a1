/**
 * `t` for the receipt subpackage: the main catalogue plus its own strings. Import from here, not
 * from './index', in modules that use them; the main package never imports this file, so the strings
 * ship with the subpackage.
 */
import { withMessages, type MessageKey as MainMessageKey } from './index';
import { boSharedMessages } from './messages/bo.shared';
import { sharedMessages } from './messages/zh-CN.shared';
import { receiptMessages } from './messages/zh-CN.receipt';
import { boReceiptMessages } from './messages/bo.receipt';

export * from './index';
// The error texts only subpackages meet, with their Tibetan.
import './errors';

const extra = { ...sharedMessages, ...receiptMessages };
export type MessageKey = MainMessageKey | keyof typeof extra;
// Tibetan: each part's bo.<name>.ts (complete by type), in the same order.
const bo = { ...boSharedMessages, ...boReceiptMessages };
export const t = withMessages(extra, { bo });
