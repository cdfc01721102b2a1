/**
 * `t` for market prices: the main catalogue plus its own strings. Import from here, not from
 * './index', in the prices subpackage and the officer's and admin's price pages; the main package
 * never imports this file, so the strings ship with those subpackages.
 */
import { withMessages, type MessageKey as MainMessageKey } from './index';
import { boSharedMessages } from './messages/bo.shared';
import { sharedMessages } from './messages/zh-CN.shared';
import { pricesMessages } from './messages/zh-CN.prices';
import { boPricesMessages } from './messages/bo.prices';

export * from './index';
// The error texts only subpackages meet, with their Tibetan.
import './errors';

const extra = { ...sharedMessages, ...pricesMessages };
export type MessageKey = MainMessageKey | keyof typeof extra;
// Tibetan: each part's bo.<name>.ts (complete by type), in the same order.
const bo = { ...boSharedMessages, ...boPricesMessages };
export const t = withMessages(extra, { bo });
