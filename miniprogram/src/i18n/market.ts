/**
 * `t` for the market subpackage: the main catalogue plus its own strings. The main package never
 * imports this file, so the strings ship with the subpackage.
 */
import { withMessages, type MessageKey as MainMessageKey } from './index';
import { boSharedMessages } from './messages/bo.shared';
import { sharedMessages } from './messages/zh-CN.shared';
import { marketMessages } from './messages/zh-CN.market';
import { boMarketMessages } from './messages/bo.market';

export * from './index';
// The error texts only subpackages meet, with their Tibetan.
import './errors';

const extra = { ...sharedMessages, ...marketMessages };
export type MessageKey = MainMessageKey | keyof typeof extra;
// Tibetan: each part's bo.<name>.ts (complete by type), in the same order.
const bo = { ...boSharedMessages, ...boMarketMessages };
export const t = withMessages(extra, { bo });
