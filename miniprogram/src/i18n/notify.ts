/**
 * `t` for the alert subscription prompt: the main catalogue plus its own strings. The feed pages
 * that place the prompt import it from here; the main package never does, so the strings ship with them.
 */
import { withMessages, type MessageKey as MainMessageKey } from './index';
import { boSharedMessages } from './messages/bo.shared';
import { sharedMessages } from './messages/zh-CN.shared';
import { notifyMessages } from './messages/zh-CN.notify';
import { boNotifyMessages } from './messages/bo.notify';

export * from './index';
// The error texts only subpackages meet, with their Tibetan.
import './errors';

const extra = { ...sharedMessages, ...notifyMessages };
export type MessageKey = MainMessageKey | keyof typeof extra;
// Tibetan: each part's bo.<name>.ts (complete by type), in the same order.
const bo = { ...boSharedMessages, ...boNotifyMessages };
export const t = withMessages(extra, { bo });
