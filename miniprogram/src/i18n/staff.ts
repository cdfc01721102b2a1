/**
 * `t` for the officer and admin subpackages: the main catalogue plus its own strings (and the receipt's: the officer's household page shows receipts; and the station details': the station editor shows hours, capabilities and coordinates). Import from here, not
 * from './index', in modules that use them; the main package never imports this file, so the strings
 * ship with the subpackage.
 */
import { withMessages, type MessageKey as MainMessageKey } from './index';
import { boSharedMessages } from './messages/bo.shared';
import { sharedMessages } from './messages/zh-CN.shared';
import { receiptMessages } from './messages/zh-CN.receipt';
import { boReceiptMessages } from './messages/bo.receipt';
import { staffMessages } from './messages/zh-CN.staff';
import { boStaffMessages } from './messages/bo.staff';
import { queueMessages } from './messages/zh-CN.queue';
import { boQueueMessages } from './messages/bo.queue';
import { boStationMessages } from './messages/bo.station';
import { stationMessages } from './messages/zh-CN.station';

export * from './index';
// The error texts only subpackages meet, with their Tibetan.
import './errors';

const extra = { ...sharedMessages, ...receiptMessages, ...stationMessages, ...staffMessages, ...queueMessages };
export type MessageKey = MainMessageKey | keyof typeof extra;
// Tibetan: each part's bo.<name>.ts (complete by type), in the same order.
const bo = { ...boSharedMessages, ...boReceiptMessages, ...boStationMessages, ...boStaffMessages, ...boQueueMessages };
export const t = withMessages(extra, { bo });
