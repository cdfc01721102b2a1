/**
 * `t` for the ask subpackage (问专家): the main catalogue plus its own strings. Import from here, not
 * from './index', in modules that use them; the main package never imports this file, so the strings
 * ship with the subpackage.
 */
import { withMessages, type MessageKey as MainMessageKey } from './index';
import { boSharedMessages } from './messages/bo.shared';
import { sharedMessages } from './messages/zh-CN.shared';
import { askMessages } from './messages/zh-CN.ask';
import { boAskMessages } from './messages/bo.ask';

export * from './index';
// The error texts only subpackages meet, with their Tibetan.
import './errors';

const extra = { ...sharedMessages, ...askMessages };
export type MessageKey = MainMessageKey | keyof typeof extra;
// Tibetan: each part's bo.<name>.ts (complete by type), in the same order.
const bo = { ...boSharedMessages, ...boAskMessages };
export const t = withMessages(extra, { bo });
