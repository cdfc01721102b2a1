/**
 * `t` for the feed subpackage: the main catalogue plus its own strings. Import from here, not from
 * './index', in modules that use them; the main package never imports this file, so the strings ship
 * with the subpackage.
 */
import { withMessages, type MessageKey as MainMessageKey } from './index';
import { boSharedMessages } from './messages/bo.shared';
import { sharedMessages } from './messages/zh-CN.shared';
import { feedMessages } from './messages/zh-CN.feed';

export * from './index';
// The error texts only subpackages meet, with their Tibetan.
import './errors';

const extra = { ...sharedMessages, ...feedMessages };
export type MessageKey = MainMessageKey | keyof typeof extra;
export const t = withMessages(extra, { bo: boSharedMessages });
