/**
 * `t` for the publish subpackage: the main catalogue plus its own strings (and the receipt's: the role
 * gate and people's labels). Import from here, not from './index', in modules that use them; the main
 * package never imports this file, so the strings ship with the subpackage.
 */
import { withMessages, type MessageKey as MainMessageKey } from './index';
import { boSharedMessages } from './messages/bo.shared';
import { sharedMessages } from './messages/zh-CN.shared';
import { publishMessages } from './messages/zh-CN.publish';
import { boPublishMessages } from './messages/bo.publish';
import { receiptMessages } from './messages/zh-CN.receipt';
import { boReceiptMessages } from './messages/bo.receipt';

export * from './index';
// The error texts only subpackages meet, with their Tibetan.
import './errors';

const extra = { ...sharedMessages, ...receiptMessages, ...publishMessages };
export type MessageKey = MainMessageKey | keyof typeof extra;
// Tibetan: each part's bo.<name>.ts (complete by type), in the same order.
const bo = { ...boSharedMessages, ...boReceiptMessages, ...boPublishMessages };
export const t = withMessages(extra, { bo });
